package io.camelrrpc.component.internal.mqtt;

import org.apache.camel.CamelException;

/** The broker could not be reached, refused us, or the connection is down. */
public class MqttConnectionException extends CamelException {

    private static final long serialVersionUID = 1L;
    /** Why a subscription failed when the broker refused its filter. */
    public static final String SUBSCRIBE_REFUSED = "the broker refused it (check the ACL for this client/user)";
    /** Why a subscription failed when the broker did not answer. */
    public static final String SUBSCRIBE_UNANSWERED = "the broker did not answer in time (connectionTimeout)";

    public MqttConnectionException(String message) {
        super(message);
    }

    public MqttConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
