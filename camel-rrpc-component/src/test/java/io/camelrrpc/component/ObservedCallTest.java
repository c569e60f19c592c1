package io.camelrrpc.component;

import io.camelrrpc.component.spi.CallOutcome;
import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a call's failure becomes the outcome its metrics are tagged with. */
class ObservedCallTest {

    private final CamelContext context = new DefaultCamelContext();
    private final Exchange exchange = new DefaultExchange(context);
    private final RrpcAddress address = new RrpcAddress("P", "D", "1");

    @Test
    void eachFailureHasItsOutcome() {
        assertThat(ObservedCall.outcome(null, true)).isEqualTo(CallOutcome.OK);
        assertThat(ObservedCall.outcome(new RrpcTimeoutException(address, 10, exchange), true))
                .isEqualTo(CallOutcome.TIMEOUT);
        assertThat(ObservedCall.outcome(new RrpcRejectedException("full", address, exchange), false))
                .isEqualTo(CallOutcome.REJECTED);
        assertThat(ObservedCall.outcome(new RrpcConnectionLostException("tcp://b", address, exchange, null), true))
                .isEqualTo(CallOutcome.OFFLINE);
        assertThat(ObservedCall.outcome(new RrpcDeviceOfflineException("$rrpc/rxd/P/D/1", address, exchange), true))
                .isEqualTo(CallOutcome.OFFLINE);
        assertThat(ObservedCall.outcome(new RrpcCallException("not connected", address, exchange, null), false))
                .isEqualTo(CallOutcome.OFFLINE);
        assertThat(ObservedCall.outcome(new RrpcCallException("the producer stopped", address, exchange, null), true))
                .isEqualTo(CallOutcome.ERROR);
        assertThat(ObservedCall.outcome(new RrpcPayloadTooLargeException("request", 9, 8, address, exchange), false))
                .isEqualTo(CallOutcome.ERROR);
        assertThat(ObservedCall.outcome(new IllegalArgumentException("bad header"), true)).isEqualTo(CallOutcome.ERROR);
    }
}
