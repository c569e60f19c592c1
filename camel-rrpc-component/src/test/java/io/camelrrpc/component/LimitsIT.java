package io.camelrrpc.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Back-pressure: calls per device, calls pending, payload sizes. */
class LimitsIT extends FakeDeviceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:waiting").to("rrpc:P/D?requestTimeout=5000");
                from("direct:rejecting").to("rrpc:P/D?deviceBusyPolicy=Reject");
                from("direct:unlimited").to("rrpc:P/D?maxConcurrentCallsPerDevice=0");
                from("direct:fewPending").to("rrpc:P/D?maxPendingCalls=2&maxConcurrentCallsPerDevice=0");
                from("direct:small").to("rrpc:P/D?maxPayloadSize=8");
                from("rrpc:SMALL/+?maxPayloadSize=8").setBody(simple("${body}${body}"));
                from("direct:smallDevice").to("rrpc:SMALL/D?requestTimeout=1000&afterTimeoutDelay=0");
            }
        };
    }

    @Test
    void secondCallToABusyDeviceWaitsForTheFirstReply() throws Exception {
        CompletableFuture<Exchange> first = template.asyncSend("direct:waiting", e -> e.getIn().setBody("1"));
        FakeDevice.Request firstRequest = device.nextRequest();
        CompletableFuture<Exchange> second = template.asyncSend("direct:waiting", e -> e.getIn().setBody("2"));
        await().until(() -> correlator().pendingCalls() == 2);
        assertThat(device.pollRequest(300)).as("no overlapping request while the first is open").isNull();

        device.reply(firstRequest, "one");
        FakeDevice.Request secondRequest = device.nextRequest();
        assertThat(secondRequest.text()).isEqualTo("2");
        device.reply(secondRequest, "two");

        assertThat(first.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("one");
        assertThat(second.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("two");
        assertNothingLeft();
    }

    @Test
    void waitingCallTimesOutWithoutEverBeingSent() throws Exception {
        CompletableFuture<Exchange> first = template.asyncSend("direct:waiting", e -> e.getIn().setBody("1"));
        FakeDevice.Request firstRequest = device.nextRequest();
        Exchange second = template.request("direct:waiting", e -> {
            e.getIn().setBody("2");
            e.getIn().setHeader(RrpcConstants.REQUEST_TIMEOUT, 200);
        });
        assertThat(second.getException()).isInstanceOf(RrpcTimeoutException.class);

        device.reply(firstRequest, "one");
        assertThat(first.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("one");
        assertThat(device.pollRequest(300)).as("the timed-out call is never sent").isNull();
        assertNothingLeft();
    }

    @Test
    void callsQueuedBehindASilentDeviceAreNotSentOnceTheirDeadlinePassed() throws Exception {
        // no cool-down after the timeout of the call in flight: the queue's next calls are then offered the slot at once
        AsyncProducer producer = startedProducer("rrpc:P/silent?requestTimeout=1000&afterTimeoutDelay=0");
        int calls = 2000;
        CallBurst burst = CallBurst.issue(producer, calls);

        burst.assertEachTimesOutOnce(30);
        assertNothingLeft();
        int requests = requestsBeforeAMarkerCall();
        // each timeout of the call in flight sends the next call still in time: about one per timeout bucket
        assertThat(requests).as("requests that reached the silent device").isBetween(1, calls / 20);
    }

    /** Counts the requests the device got, up to a call made now to another device, and answers that call. */
    private int requestsBeforeAMarkerCall() throws Exception {
        CompletableFuture<Exchange> marker = template.asyncSend("direct:waiting", e -> e.getIn().setBody("marker"));
        int requests = 0;
        for (FakeDevice.Request request = device.nextRequest(); ; request = device.nextRequest()) {
            if (request.text().equals("marker")) {
                device.reply(request, "ok");
                assertThat(marker.get(5, TimeUnit.SECONDS).getException()).isNull();
                return requests;
            }
            requests++;
        }
    }

    @Test
    void rejectPolicyFailsAtOnce() throws Exception {
        CompletableFuture<Exchange> first = template.asyncSend("direct:rejecting", e -> e.getIn().setBody("1"));
        FakeDevice.Request firstRequest = device.nextRequest();
        Exchange second = template.request("direct:rejecting", e -> e.getIn().setBody("2"));
        assertThat(second.getException()).isInstanceOf(RrpcRejectedException.class)
                .hasMessageContaining("maxConcurrentCallsPerDevice").hasMessageContaining("P/D");
        device.reply(firstRequest, "one");
        assertThat(first.get(5, TimeUnit.SECONDS).getException()).isNull();
        assertThat(correlator().statistics().rejections()).isEqualTo(1);
        assertNothingLeft();
    }

    @Test
    void noLimitLetsCallsOverlap() throws Exception {
        CompletableFuture<Exchange> first = template.asyncSend("direct:unlimited", e -> e.getIn().setBody("1"));
        CompletableFuture<Exchange> second = template.asyncSend("direct:unlimited", e -> e.getIn().setBody("2"));
        FakeDevice.Request a = device.nextRequest();
        FakeDevice.Request b = device.nextRequest();
        device.reply(b, b.text());
        device.reply(a, a.text());
        assertThat(first.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("1");
        assertThat(second.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("2");
        assertNothingLeft();
    }

    @Test
    void callsBeyondMaxPendingCallsAreRejected() throws Exception {
        CompletableFuture<Exchange> first = template.asyncSend("direct:fewPending", e -> e.getIn().setBody("1"));
        CompletableFuture<Exchange> second = template.asyncSend("direct:fewPending", e -> e.getIn().setBody("2"));
        FakeDevice.Request a = device.nextRequest();
        FakeDevice.Request b = device.nextRequest();
        Exchange third = template.request("direct:fewPending", e -> e.getIn().setBody("3"));
        assertThat(third.getException()).isInstanceOf(RrpcRejectedException.class).hasMessageContaining("maxPendingCalls");
        device.reply(a, "a");
        device.reply(b, "b");
        assertThat(first.get(5, TimeUnit.SECONDS).getException()).isNull();
        assertThat(second.get(5, TimeUnit.SECONDS).getException()).isNull();
        assertNothingLeft();
    }

    @Test
    void oversizedRequestIsNeverSent() throws Exception {
        Exchange result = template.request("direct:small", e -> e.getIn().setBody("123456789"));
        assertThat(result.getException()).isInstanceOf(RrpcPayloadTooLargeException.class)
                .hasMessageContaining("request of 9 bytes exceeds maxPayloadSize 8");
        assertThat(device.pollRequest(300)).isNull();
    }

    @Test
    void oversizedReplyIsDroppedAndFailsItsCallAtOnce() throws Exception {
        CompletableFuture<Exchange> call = template.asyncSend("direct:small", e -> e.getIn().setBody("hi"));
        device.reply(device.nextRequest(), "far too long");
        Exchange result = call.get(5, TimeUnit.SECONDS);
        assertThat(result.getException()).isInstanceOf(RrpcPayloadTooLargeException.class)
                .hasMessageContaining("reply of 12 bytes exceeds maxPayloadSize 8");
        assertThat(result.getMessage().getBody()).isNotEqualTo("far too long");
        assertThat(correlator().statistics().oversizedReplies()).isEqualTo(1);
        assertNothingLeft();
    }

    @Test
    void consumerDropsOversizedRequestsAndNeverSendsOversizedReplies() {
        assertThat(template.requestBody("direct:smallDevice", "abc", String.class)).isEqualTo("abcabc");
        assertThat(template.request("direct:smallDevice", e -> e.getIn().setBody("abcde")).getException())
                .as("a 10-byte reply is not sent").isInstanceOf(RrpcTimeoutException.class);
        assertThat(template.request("direct:smallDevice", e -> e.getIn().setBody("123456789")).getException())
                .as("a 9-byte request is dropped").isInstanceOf(RrpcTimeoutException.class);
        RrpcConsumer consumer = (RrpcConsumer) context.getRoutes().stream()
                .filter(r -> r.getEndpoint().getEndpointUri().startsWith("rrpc://SMALL")).findFirst().orElseThrow()
                .getConsumer();
        await().until(() -> consumer.getDroppedRequests() == 1);
    }

    private void assertNothingLeft() {
        await().until(() -> correlator().pendingCalls() == 0 && correlator().busyDevices() == 0);
    }
}
