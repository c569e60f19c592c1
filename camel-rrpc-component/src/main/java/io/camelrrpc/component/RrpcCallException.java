package io.camelrrpc.component;

import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * A call to a device failed before its reply came: the request could not be sent, or the producer stopped. The
 * message reads "Call to device P/D (processId X) failed: reason", without the exchange and the cause's class that
 * Camel's exception messages append; both stay available from {@link #getExchange()} and {@link #getCause()}.
 */
public class RrpcCallException extends CamelExchangeException implements RrpcCallFailure {

    private static final long serialVersionUID = 1L;

    private final transient RrpcAddress address;
    private final String message;

    public RrpcCallException(String reason, RrpcAddress address, Exchange exchange, Throwable cause) {
        super(reason, exchange, cause);
        this.address = address;
        this.message = "Call to device " + address.device() + " (processId " + address.processId() + ") failed: "
                       + reason;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public RrpcAddress getAddress() {
        return address;
    }
}
