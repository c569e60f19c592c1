package io.camelrrpc.component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.component.internal.correlation.CorrelationStatistics;
import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timeouts, late, duplicate and misaddressed replies, against a device the test controls: no reply ever reaches
 * the wrong call and no pending call is left behind.
 */
class TimeoutIT extends FakeDeviceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:default").to("rrpc:P/silent");
                from("direct:call").to("rrpc:P/D?requestTimeout=2000&afterTimeoutDelay=0");
            }
        };
    }

    @Test
    void defaultTimeoutIsFourSecondsAndNamesTheCall() throws Exception {
        long start = System.nanoTime();
        Exchange result = template.request("direct:default", e -> e.getIn().setBody("anyone?"));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        RrpcTimeoutException timeout = assertTimedOut(result);
        assertThat(timeout.getTimeout()).isEqualTo(4000);
        assertThat(elapsedMillis).isBetween(4000L, 5500L);
        String processId = result.getMessage().getHeader(RrpcConstants.PROCESS_ID, String.class);
        assertThat(timeout.getProcessId()).isEqualTo(processId);
        assertThat(timeout.getMessage()).contains("P/silent", processId, "4000 millis");
        assertThat(device.nextRequest().address().processId()).isEqualTo(processId);
        assertThat(correlator().pendingCalls()).isZero();
    }

    @Test
    void headerOverridesTheTimeoutPerCall() {
        for (Object timeout : new Object[] { 150, Duration.ofMillis(150), "150ms" }) {
            long start = System.nanoTime();
            Exchange result = template.request("direct:call", e -> e.getIn().setHeader(RrpcConstants.REQUEST_TIMEOUT, timeout));
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(assertTimedOut(result).getTimeout()).isEqualTo(150);
            assertThat(elapsedMillis).isBetween(150L, 1000L);
        }
        assertThat(correlator().pendingCalls()).isZero();
    }

    @Test
    void badTimeoutHeaderFailsTheCallWithAHint() {
        Exchange result = template.request("direct:call", e -> e.getIn().setHeader(RrpcConstants.REQUEST_TIMEOUT, "soon"));
        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RrpcConstants.REQUEST_TIMEOUT).hasMessageContaining("soon");
    }

    @Test
    void lateReplyIsDroppedAndNeverReachesTheNextCall() throws Exception {
        Exchange timedOut = template.request("direct:call", e -> {
            e.getIn().setBody("first");
            e.getIn().setHeader(RrpcConstants.REQUEST_TIMEOUT, 500);
        });
        assertTimedOut(timedOut);
        FakeDevice.Request first = device.nextRequest();
        CorrelationStatistics stats = correlator().statistics();

        CompletableFuture<Exchange> second = template.asyncSend("direct:call", e -> e.getIn().setBody("second"));
        FakeDevice.Request secondRequest = device.nextRequest();
        device.reply(first, "late answer to first");
        await().until(() -> stats.unmatchedReplies() == 1);
        device.reply(secondRequest, "answer to second");

        Exchange result = second.get(5, TimeUnit.SECONDS);
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("answer to second");
        assertThat(correlator().pendingCalls()).isZero();
    }

    @Test
    void duplicateReplyIsDropped() throws Exception {
        CompletableFuture<Exchange> call = template.asyncSend("direct:call", e -> e.getIn().setBody("once"));
        FakeDevice.Request request = device.nextRequest();
        device.reply(request, "one");
        device.reply(request, "two");

        assertThat(call.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("one");
        await().until(() -> correlator().statistics().unmatchedReplies() == 1);
        assertThat(correlator().statistics().replies()).isEqualTo(1);
        assertThat(correlator().pendingCalls()).isZero();
    }

    @Test
    void replyFromAnotherDeviceWithTheSameProcessIdIsDropped() throws Exception {
        CompletableFuture<Exchange> call = template.asyncSend("direct:call", e -> e.getIn().setBody("who?"));
        FakeDevice.Request request = device.nextRequest();
        RrpcAddress impostor = new RrpcAddress("P", "otherDevice", request.address().processId());
        device.reply(impostor, "not yours");
        await().until(() -> correlator().statistics().misaddressedReplies() == 1);
        assertThat(call).isNotDone();
        device.reply(request, "mine");

        assertThat(call.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("mine");
    }

    @Test
    void garbageOnReplyTopicsIsCountedAndHarmless() throws Exception {
        template.request("direct:call", e -> e.getIn().setHeader(RrpcConstants.REQUEST_TIMEOUT, 100));
        device.publish("$rrpc/txd/P/D/x/extra", new byte[] { 1 });
        device.publish("$rrpc/txd/P/D/unknownId", new byte[] { 2 });
        await().until(() -> correlator().statistics().unmatchedReplies() == 1);

        CompletableFuture<Exchange> call = template.asyncSend("direct:call", e -> e.getIn().setBody("still fine?"));
        device.nextRequest();
        FakeDevice.Request request = device.nextRequest();
        device.reply(request, "yes");
        assertThat(call.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("yes");
    }

    @Test
    void twentyThousandPendingCallsEachTimeOutOnceAndNeverEarly() throws Exception {
        AsyncProducer producer = startedProducer("rrpc:P/silent?requestTimeout=1000&maxConcurrentCallsPerDevice=0"
                                                 + "&requestTopicTemplate=nowhere/{productId}/{deviceName}/{processId}");
        CallBurst burst = CallBurst.issue(producer, 20_000);

        burst.assertEachTimesOutOnce(30);
        // never before the deadline; under 1 s late is loose on purpose (a loaded machine), the benchmark is tight
        assertThat(burst.calls()).allSatisfy(call -> assertThat(call.millisToCompletion()).isBetween(1000L, 1999L));
        assertThat(correlator().pendingCalls()).isZero();
    }

    private static RrpcTimeoutException assertTimedOut(Exchange result) {
        assertThat(result.getException()).isInstanceOf(RrpcTimeoutException.class).isInstanceOf(ExchangeTimedOutException.class);
        return (RrpcTimeoutException) result.getException();
    }
}
