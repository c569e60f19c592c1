package io.camelrrpc.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping gracefully: a device node that stops while its route works on requests takes no new ones, finishes those
 * and publishes their replies before it lets go of the broker; a producer that stops fails its pending calls at once.
 */
class GracefulStopIT {

    private static final int IN_FLIGHT = 5;

    @RegisterExtension
    static final SharedEmbeddedBroker BROKER = new SharedEmbeddedBroker();

    private RrpcNode caller;
    private RrpcNode device;

    @BeforeEach
    void startCaller() throws Exception {
        caller = RrpcNode.create("caller", BROKER.url())
                .routes(r -> r.from("direct:call").to("rrpc:P/D?maxConcurrentCallsPerDevice=0")).start();
    }

    @AfterEach
    void stopAll() {
        if (device != null) {
            device.close();
        }
        caller.close();
    }

    @Test
    void stoppingDeviceNodeRepliesToTheRequestsInItsRouteAndTakesNoNewOnes() throws Exception {
        CountDownLatch arrived = new CountDownLatch(IN_FLIGHT);
        CountDownLatch finish = new CountDownLatch(1);
        device = RrpcNode.create("device", BROKER.url()).routes(r -> r.from("rrpc:P/+").routeId("device")
                .process(e -> {
                    arrived.countDown();
                    finish.await(20, TimeUnit.SECONDS);
                })
                .setBody(r.simple("done:${body}"))).start();
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            calls.add(caller.asyncRequest("direct:call", "call" + i, Map.of(RrpcConstants.REQUEST_TIMEOUT, 20_000)));
        }
        assertThat(arrived.await(10, TimeUnit.SECONDS)).as("every request reached the route").isTrue();
        ServiceSupport consumer = (ServiceSupport) device.context().getRoute("device").getConsumer();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(device::close);
        await("the consumer no longer takes requests").atMost(10, TimeUnit.SECONDS).until(() -> !consumer.isStarted());
        Exchange late = caller.request("direct:call", "late", Map.of(RrpcConstants.REQUEST_TIMEOUT, 500));
        assertThat(late.getException()).as("a request after the stop began").isInstanceOf(RrpcTimeoutException.class);
        finish.countDown();

        stopped.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < IN_FLIGHT; i++) {
            Exchange call = calls.get(i).get(30, TimeUnit.SECONDS);
            assertThat(RrpcNode.replyText(call)).isEqualTo("done:call" + i);
        }
    }

    @Test
    void stoppedProducerFailsItsPendingCallsAtOnceWhileAnotherOnTheSameConnectionGoesOn() throws Exception {
        AsyncProducer stopping = startedProducer("rrpc:NOBODY/silent?requestTimeout=30000&maxConcurrentCallsPerDevice=0");
        AsyncProducer staying = startedProducer("rrpc:NOBODY/other?requestTimeout=30000");
        List<CompletableFuture<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pending.add(call(stopping, "pending " + i));
        }
        CompletableFuture<Exchange> survivor = call(staying, "still waiting");
        await().until(() -> caller.correlator().pendingCalls() == 4);

        long stoppedAt = System.nanoTime();
        ServiceHelper.stopService(stopping);

        for (CompletableFuture<Exchange> call : pending) {
            Exception failure = call.get(5, TimeUnit.SECONDS).getException();
            assertThat(failure).isExactlyInstanceOf(RrpcCallException.class).hasMessageContaining("producer stopped")
                    .hasMessageContaining("NOBODY/silent");
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt)).isLessThan(5000);
        assertThat(survivor).as("the other producer's call").isNotDone();
        assertThat(caller.correlator().pendingCalls()).isOne();
        ServiceHelper.stopService(staying);
        assertThat(survivor.get(5, TimeUnit.SECONDS).getException()).hasMessageContaining("producer stopped");
    }

    private AsyncProducer startedProducer(String uri) throws Exception {
        AsyncProducer producer = caller.context().getEndpoint(uri).createAsyncProducer();
        ServiceHelper.startService(producer);
        return producer;
    }

    private CompletableFuture<Exchange> call(AsyncProducer producer, String body) {
        Exchange exchange = new DefaultExchange(caller.context());
        exchange.getIn().setBody(body);
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        producer.process(exchange, doneSync -> done.complete(exchange));
        return done;
    }
}
