package io.camelrrpc.component;

import java.io.IOException;

import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages of failed calls are for people: the device, the processId and what went wrong, not the exchange and the
 * cause's class that Camel's exceptions append. Types and getters stay as they are.
 */
class RrpcCallFailureMessagesTest {

    private static final RrpcAddress ADDRESS = new RrpcAddress("KL4J2ABCD8", "nobody", "x2zgxE0000000000");

    private final DefaultCamelContext camelContext = new DefaultCamelContext();
    private final Exchange exchange = new DefaultExchange(camelContext);

    @AfterEach
    void close() throws Exception {
        camelContext.close();
    }

    @Test
    void timeout() {
        exchange.getExchangeId();
        RrpcTimeoutException timeout = new RrpcTimeoutException(ADDRESS, 300, exchange);

        assertThat(timeout.getMessage())
                .isEqualTo("No reply from device KL4J2ABCD8/nobody within 300 millis (processId x2zgxE0000000000)");
        assertThat(timeout).hasToString(RrpcTimeoutException.class.getName() + ": " + timeout.getMessage());
        assertThat(timeout.getTimeout()).isEqualTo(300);
        assertThat(timeout.getExchange()).isSameAs(exchange);
        assertThat(timeout.getAddress()).isEqualTo(ADDRESS);
        assertThat(timeout.getProductId()).isEqualTo("KL4J2ABCD8");
        assertThat(timeout.getDeviceName()).isEqualTo("nobody");
        assertThat(timeout.getProcessId()).isEqualTo("x2zgxE0000000000");
    }

    @Test
    void callFailed() {
        exchange.getExchangeId();
        IOException cause = new IOException("Client is not connected");
        RrpcCallException failure = new RrpcCallException("not connected", ADDRESS, exchange, cause);

        assertThat(failure.getMessage())
                .isEqualTo("Call to device KL4J2ABCD8/nobody (processId x2zgxE0000000000) failed: not connected");
        assertThat(failure).hasToString(RrpcCallException.class.getName() + ": " + failure.getMessage());
        assertThat(failure.getCause()).isSameAs(cause);
        assertThat(failure.getExchange()).isSameAs(exchange);
        assertThat(failure.getAddress()).isEqualTo(ADDRESS);
    }

    @Test
    void connectionLost() {
        RrpcConnectionLostException lost = new RrpcConnectionLostException("tcp://127.0.0.1:1883", ADDRESS, exchange,
                new IOException("Connection lost"));

        assertThat(lost.getMessage()).isEqualTo("Call to device KL4J2ABCD8/nobody (processId x2zgxE0000000000)"
                                                + " failed: connection to MQTT broker tcp://127.0.0.1:1883 lost while"
                                                + " waiting for the reply");
        assertThat(lost.getExchange()).isSameAs(exchange);
    }

    @Test
    void rejected() {
        RrpcRejectedException rejected = new RrpcRejectedException(
                "10 calls are already pending (maxPendingCalls)", ADDRESS, exchange);

        assertThat(rejected.getMessage()).isEqualTo("Call to device KL4J2ABCD8/nobody (processId x2zgxE0000000000)"
                                                    + " failed: rejected: 10 calls are already pending"
                                                    + " (maxPendingCalls)");
    }

    @Test
    void payloadTooLarge() {
        RrpcPayloadTooLargeException tooLarge = new RrpcPayloadTooLargeException("request", 3000, 2048, ADDRESS,
                exchange);

        assertThat(tooLarge.getMessage()).isEqualTo("Call to device KL4J2ABCD8/nobody (processId x2zgxE0000000000)"
                                                    + " failed: request of 3000 bytes exceeds maxPayloadSize 2048");
        assertThat(tooLarge.getSize()).isEqualTo(3000);
        assertThat(tooLarge.getLimit()).isEqualTo(2048);
    }
}
