package io.camelrrpc.component;

import io.camelrrpc.component.topic.RrpcAddress;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;

/**
 * No reply came from the device within the request timeout. The message reads: "The OUT message was not received
 * within: 4000 millis due to no reply from device P/D for processId X". It has no stack trace: it is made on the
 * component's completion thread, whose stack says nothing about the call, and filling one in for each of many calls
 * timing out at once (a device fleet going offline) delayed the timeouts behind them.
 */
public class RrpcTimeoutException extends ExchangeTimedOutException implements RrpcCallFailure {

    private static final long serialVersionUID = 1L;

    private final transient RrpcAddress address;

    public RrpcTimeoutException(RrpcAddress address, long timeoutMillis, Exchange exchange) {
        super(exchange, timeoutMillis,
              "to no reply from device " + address.device() + " for processId " + address.processId());
        this.address = address;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public RrpcAddress getAddress() {
        return address;
    }
}
