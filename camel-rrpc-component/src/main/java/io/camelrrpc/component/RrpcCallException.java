package io.camelrrpc.component;

import io.camelrrpc.component.topic.RrpcAddress;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/** A call to a device failed before its reply came: the request could not be sent, or the producer stopped. */
public class RrpcCallException extends CamelExchangeException implements RrpcCallFailure {

    private static final long serialVersionUID = 1L;

    private final transient RrpcAddress address;

    public RrpcCallException(String reason, RrpcAddress address, Exchange exchange, Throwable cause) {
        super("Call to device " + address.device() + " (processId " + address.processId() + ") failed: " + reason,
              exchange, cause);
        this.address = address;
    }

    @Override
    public RrpcAddress getAddress() {
        return address;
    }
}
