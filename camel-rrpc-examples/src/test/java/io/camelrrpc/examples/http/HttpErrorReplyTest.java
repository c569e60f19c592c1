package io.camelrrpc.examples.http;

import io.camelrrpc.component.RrpcCallException;
import io.camelrrpc.component.RrpcTimeoutException;
import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Every failure of a device call has its status and JSON fields. */
class HttpErrorReplyTest {

    private static final RrpcAddress ADDRESS = new RrpcAddress("P", "d", "0000000000000007");

    @Test
    void timeoutIs504WithTheCall() {
        HttpErrorReply reply = HttpErrorReply.of(new RrpcTimeoutException(ADDRESS, 300, null));

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.body()).containsKeys("message").contains(entry("error", "timeout"), entry("productId", "P"),
                entry("deviceName", "d"), entry("processId", "0000000000000007"), entry("timeoutMillis", 300L));
    }

    @Test
    void brokerDownIs503() {
        RrpcCallException failure = new RrpcCallException("not connected", ADDRESS,
                new DefaultExchange(new DefaultCamelContext()), null);

        HttpErrorReply reply = HttpErrorReply.of(failure);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).contains(entry("error", "broker_unavailable"), entry("processId", "0000000000000007"));
    }

    @Test
    void otherFailures() {
        assertThat(HttpErrorReply.of(new PayloadTooLargeException(3000, 2048)).status()).isEqualTo(413);
        assertThat(HttpErrorReply.of(new IllegalArgumentException("bad")).status()).isEqualTo(400);
        assertThat(HttpErrorReply.of(new IllegalStateException("bug")).body())
                .containsExactly(entry("error", "internal_error"), entry("message", "bug"));
    }
}
