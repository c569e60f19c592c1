package io.camelrrpc.component;

import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;

/**
 * No reply came from the device within the request timeout. The message reads "No reply from device P/D within 4000
 * millis (processId X)", without the exchange that Camel's message appends ({@link #getExchange()} has it). It has no
 * stack trace: it is made on the component's completion thread, whose stack says nothing about the call, and filling
 * one in for each of many calls timing out at once (a device fleet going offline) delayed the timeouts behind them.
 */
public class RrpcTimeoutException extends ExchangeTimedOutException implements RrpcCallFailure {

    private static final long serialVersionUID = 1L;

    private final transient RrpcAddress address;
    private final String message;

    public RrpcTimeoutException(RrpcAddress address, long timeoutMillis, Exchange exchange) {
        super(exchange, timeoutMillis);
        this.address = address;
        this.message = "No reply from device " + address.device() + " within " + timeoutMillis + " millis (processId "
                       + address.processId() + ")";
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
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
