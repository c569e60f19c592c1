package io.camelrrpc.component;

import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.Exchange;

/** The broker connection dropped while the call waited for its reply; the reply can no longer arrive. */
public class RrpcConnectionLostException extends RrpcCallException {

    private static final long serialVersionUID = 1L;

    public RrpcConnectionLostException(String broker, RrpcAddress address, Exchange exchange, Throwable cause) {
        super("connection to MQTT broker " + broker + " lost while waiting for the reply", address, exchange, cause);
    }
}
