package io.camelrrpc.component.internal.mqtt;

import org.apache.camel.CamelException;

/** The broker could not be reached, refused us, or the connection is down. */
public class MqttConnectionException extends CamelException {

    private static final long serialVersionUID = 1L;

    public MqttConnectionException(String message) {
        super(message);
    }

    public MqttConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
