package io.camelrrpc.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.component.spi.RrpcAddress;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a Micrometer registry bound under camel-micrometer's name {@code metricsRegistry}, the component meters its
 * calls by outcome and product, the replies it drops by reason, its consumers' requests and its connections.
 */
class MetricsIT extends FakeDeviceTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("metricsRegistry", meters);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("rrpc:P/D?requestTimeout=500");
                from("direct:reject").to("rrpc:P/D?requestTimeout=500&deviceBusyPolicy=Reject");
                from("direct:small").to("rrpc:P/D?requestTimeout=500&maxPayloadSize=4");
                from("rrpc:SERVED/+?maxPayloadSize=8").setBody(constant("ok"));
            }
        };
    }

    @Test
    void callsAreTimedByOutcomeAndProductButNotDevice() throws Exception {
        CompletableFuture<Exchange> answered = template.asyncSend("direct:call", e -> e.getIn().setBody("hi"));
        FakeDevice.Request request = device.nextRequest();
        Exchange rejected = template.request("direct:reject", e -> e.getIn().setBody("busy?"));
        device.reply(request, "ok");
        assertThat(answered.get(5, TimeUnit.SECONDS).getException()).isNull();
        assertThat(rejected.getException()).isInstanceOf(RrpcRejectedException.class);
        assertThat(template.request("direct:call", e -> e.getIn().setBody("silence")).getException())
                .isInstanceOf(RrpcTimeoutException.class);
        assertThat(template.request("direct:small", e -> e.getIn().setBody("too long")).getException())
                .isInstanceOf(RrpcPayloadTooLargeException.class);

        assertThat(calls("ok").count()).isEqualTo(1);
        assertThat(calls("rejected").count()).isEqualTo(1);
        assertThat(calls("timeout").count()).isEqualTo(1);
        assertThat(calls("timeout").totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(500);
        assertThat(calls("error").count()).isEqualTo(1);
        assertThat(meters.find("rrpc.calls").tagKeys("device").timers()).isEmpty();
    }

    @Test
    void droppedRepliesAreCountedByReason() throws Exception {
        Exchange timedOut = template.request("direct:call", e -> e.getIn().setBody("late"));
        FakeDevice.Request late = device.nextRequest();
        device.reply(late, "sorry, late");
        device.reply(new RrpcAddress("P", "D", "neverCalled"), "who?");
        device.publish("$rrpc/txd/P/D/", new byte[] { 1 });
        CompletableFuture<Exchange> call = template.asyncSend("direct:call", e -> e.getIn().setBody("hi"));
        FakeDevice.Request request = device.nextRequest();
        device.reply(new RrpcAddress("P", "other", request.address().processId()), "not yours");
        device.reply(request, "mine");
        device.reply(request, "mine again");
        CompletableFuture<Exchange> small = template.asyncSend("direct:small", e -> e.getIn().setBody("hi"));
        device.reply(device.nextRequest(), "far too long");

        assertThat(timedOut.getException()).isInstanceOf(RrpcTimeoutException.class);
        assertThat(call.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class)).isEqualTo("mine");
        assertThat(small.get(5, TimeUnit.SECONDS).getException()).isInstanceOf(RrpcPayloadTooLargeException.class);
        for (String reason : new String[] { "late", "unmatched", "malformed", "misaddressed", "duplicate", "oversized" }) {
            await().untilAsserted(() -> assertThat(droppedReplies(reason)).as(reason).isEqualTo(1));
        }
    }

    @Test
    void consumerRequestsAreTimedAndTheirDropsCounted() throws Exception {
        assertThat(template.requestBody("rrpc:SERVED/dev1", "hi", String.class)).isEqualTo("ok");
        device.publish("$rrpc/rxd/SERVED/dev1/bigRequest", "more than 8 bytes".getBytes());

        assertThat(meters.get("rrpc.requests").tags("outcome", "ok", "product", "SERVED").timer().count()).isEqualTo(1);
        await().untilAsserted(() -> assertThat(
                meters.get("rrpc.requests.dropped").tags("reason", "oversized").counter().count()).isEqualTo(1));
        assertThat(meters.get("rrpc.requests.dropped").tags("reason", "busy").counter().count()).isZero();
    }

    @Test
    void connectionsAndPendingCallsAreGauged() throws Exception {
        CompletableFuture<Exchange> waiting = template.asyncSend("direct:call", e -> e.getIn().setBody("wait"));
        device.nextRequest();

        assertThat(meters.get("rrpc.calls.pending").gauge().value()).isEqualTo(1);
        assertThat(Search.in(meters).name("rrpc.connection.connected").gauges())
                .isNotEmpty()
                .allSatisfy(gauge -> {
                    assertThat(gauge.getId().getTag("broker")).isEqualTo(broker.getBrokerUrl());
                    assertThat(gauge.value()).isEqualTo(1);
                });
        assertThat(meters.get("rrpc.connection.reconnects").functionCounter().count()).isZero();
        assertThat(meters.get("rrpc.connection.failovers").functionCounter().count()).isZero();
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(meters.get("rrpc.calls.pending").gauge().value()).isZero();
    }

    @Test
    void stoppingTheComponentRemovesItsMeters() {
        template.request("direct:small", e -> e.getIn().setBody("too long"));

        context.stop();

        assertThat(meters.find("rrpc.calls").meters()).isEmpty();
        assertThat(meters.find("rrpc.calls.pending").meters()).isEmpty();
        assertThat(meters.find("rrpc.connection.connected").meters()).isEmpty();
    }

    private io.micrometer.core.instrument.Timer calls(String outcome) {
        return meters.get("rrpc.calls").tags("outcome", outcome, "product", "P").timer();
    }

    private double droppedReplies(String reason) {
        return meters.get("rrpc.replies.dropped").tags("reason", reason).counter().count();
    }
}
