package io.camelrrpc.component;

import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.Exchange;

/**
 * The call was not sent because a limit was reached: too many calls pending ({@code maxPendingCalls}) or the device
 * busy with {@code maxConcurrentCallsPerDevice} calls under {@code deviceBusyPolicy=Reject}.
 */
public class RrpcRejectedException extends RrpcCallException {

    private static final long serialVersionUID = 1L;

    public RrpcRejectedException(String reason, RrpcAddress address, Exchange exchange) {
        super("rejected: " + reason, address, exchange, null);
    }
}
