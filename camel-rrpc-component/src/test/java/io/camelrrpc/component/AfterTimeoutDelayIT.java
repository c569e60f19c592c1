package io.camelrrpc.component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device that keeps only the latest processId, as Tencent's C SDK does, and answers a call after it timed out: its
 * late answer goes out under the id of the last request it received. After a timeout the device's next call therefore
 * waits (afterTimeoutDelay), so that the late answer is dropped (and counted) instead of answering the next call.
 */
class AfterTimeoutDelayIT extends FakeDeviceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("rrpc:P/D?requestTimeout=5000");
                from("direct:short").to("rrpc:P/D?requestTimeout=5000&afterTimeoutDelay=300");
                from("direct:reject").to("rrpc:P/D?requestTimeout=5000&deviceBusyPolicy=Reject");
            }
        };
    }

    @Test
    void lateAnswerOfADeviceThatKeepsOnlyTheLatestProcessIdNeverAnswersTheNextCall() throws Exception {
        CompletableFuture<Exchange> first = call("direct:call", "first", 300);
        FakeDevice.Request firstRequest = device.nextRequest();
        CompletableFuture<Exchange> second = call("direct:call", "second", 8000);
        assertThat(first.get(5, TimeUnit.SECONDS).getException()).isInstanceOf(RrpcTimeoutException.class);

        // the device answers the first request late, with the latest processId it has: a request that came meanwhile
        // would take the answer
        FakeDevice.Request meanwhile = device.pollRequest(1000);
        RrpcAddress latest = (meanwhile != null ? meanwhile : firstRequest).address();
        device.reply(latest, "answer to first");
        FakeDevice.Request secondRequest = meanwhile != null ? meanwhile : device.nextRequest();
        device.reply(secondRequest, "answer to second");

        Exchange result = second.get(10, TimeUnit.SECONDS);
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("answer to second");
        assertThat(correlator().recentCalls().lateReplies()).as("late replies counted").isOne();
        assertThat(correlator().pendingCalls()).isZero();
        assertThat(correlator().busyDevices()).isZero();
    }

    @Test
    void withoutALateAnswerTheNextCallGoesOutWhenTheDelayIsOver() throws Exception {
        long issued = System.nanoTime();
        CompletableFuture<Exchange> first = call("direct:short", "first", 200);
        device.nextRequest();
        CompletableFuture<Exchange> second = call("direct:short", "second", 5000);
        assertThat(first.get(5, TimeUnit.SECONDS).getException()).isInstanceOf(RrpcTimeoutException.class);

        FakeDevice.Request secondRequest = device.nextRequest();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - issued)).as("timeout 200 ms + delay 300 ms")
                .isGreaterThanOrEqualTo(500);
        device.reply(secondRequest, "ok");
        assertThat(second.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("ok");
    }

    @Test
    void withRejectACallDuringTheDelayFailsAtOnce() throws Exception {
        assertThat(call("direct:reject", "first", 200).get(5, TimeUnit.SECONDS).getException())
                .isInstanceOf(RrpcTimeoutException.class);
        device.nextRequest();

        Exception refused = call("direct:reject", "second", 5000).get(1, TimeUnit.SECONDS).getException();

        assertThat(refused).isInstanceOf(RrpcRejectedException.class).hasMessageContaining("afterTimeoutDelay");
        assertThat(device.pollRequest(200)).as("no request during the delay").isNull();
    }

    private CompletableFuture<Exchange> call(String uri, String body, long timeoutMillis) {
        return template.asyncSend(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(Map.of(RrpcConstants.REQUEST_TIMEOUT, timeoutMillis));
        });
    }
}
