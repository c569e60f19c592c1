package io.camelrrpc.component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.component.internal.mqtt.ConnectionListener;
import io.camelrrpc.component.internal.mqtt.MqttTransport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A caller with 5,000 PerDevice reply subscriptions loses its connection (another client takes over its client id)
 * and reconnects. The subscriptions come back many per SUBSCRIBE packet; calls made meanwhile either get their reply
 * or fail at once, and none is published into a reply subscription that is not there yet (it would time out).
 */
class ReconnectAtScaleIT {

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectAtScaleIT.class);
    private static final int DEVICES = 5000;
    private static final String CLIENT_ID = "rrpc-reconnect-at-scale";

    @RegisterExtension
    final Closer closer = new Closer();
    private RrpcNode caller;

    @Test
    void fiveThousandDeviceSubscriptionsComeBackAndNoCallIsLostSilently() throws Exception {
        EmbeddedMqttBroker broker = closer.add(EmbeddedMqttBroker.builder().start());
        closer.add(RrpcNode.create("gateway", broker.getBrokerUrl(), c -> c.setConcurrentConsumers(4))
                .routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+")).start());
        caller = closer.add(RrpcNode.create("caller", broker.getBrokerUrl(), c -> {
            c.setClientId(CLIENT_ID);
            c.setMaxReconnectDelay(1000);
        }).routes(r -> r.from("direct:call")
                .to("rrpc:P/any?replySubscription=PerDevice&replySubscriptionLinger=600000&requestTimeout=3000"))
                .start());
        callEveryDevice();
        assertThat(caller.correlator().deviceSubscriptions()).isEqualTo(DEVICES);
        MqttTransport connection = caller.connection();
        RecoveryClock clock = new RecoveryClock();
        connection.addListener(clock);

        RawMqttPublisher intruder = RawMqttPublisher.connect(broker.getBrokerUrl(), CLIENT_ID);
        await("the broker dropped the caller for the intruder").atMost(Duration.ofSeconds(10))
                .until(() -> clock.lostAt.get() != 0);
        leave(intruder);
        Outcomes outcomes = callRandomDevicesUntil(() -> clock.resubscribedAt.get() != 0, Duration.ofSeconds(60));

        long restoreMillis = TimeUnit.NANOSECONDS.toMillis(clock.resubscribedAt.get() - clock.reconnectedAt.get());
        LOG.info("{} device subscriptions restored {} ms after the reconnect; calls meanwhile: {}", DEVICES,
                restoreMillis, outcomes);
        assertThat(outcomes.timedOut).as("calls lost silently (timed out)").isEmpty();
        assertThat(outcomes.total()).as("calls made during the outage and the restore").isPositive();
        assertThat(connection.isHealthy()).isTrue();
        for (int i = 0; i < DEVICES; i += 250) {
            assertThat(RrpcNode.replyText(call("d" + i))).isEqualTo("d" + i + ":hello");
        }
    }

    /** Disconnects, unless the caller's reconnect has already taken the client id back. */
    private static void leave(RawMqttPublisher intruder) {
        try {
            intruder.close();
        } catch (IOException e) {
            LOG.debug("The intruder was disconnected already: {}", e.getMessage());
        }
    }

    /** One call to every device, at most 200 at once, each answered. */
    private void callEveryDevice() throws InterruptedException {
        Semaphore slots = new Semaphore(200);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            slots.acquire();
            asyncCall("d" + i).whenComplete((exchange, error) -> {
                if (exchange.getException() != null) {
                    failures.add(exchange.getException());
                }
                slots.release();
            });
        }
        slots.acquire(200);
        assertThat(failures).isEmpty();
    }

    /**
     * Calls random devices, one every 2 ms and at most 20 at once, until the condition holds and for 200 calls more;
     * waits for every call's outcome.
     */
    private Outcomes callRandomDevicesUntil(BooleanSupplier condition, Duration atMost)
            throws InterruptedException {
        Outcomes outcomes = new Outcomes();
        Semaphore slots = new Semaphore(20);
        AtomicLong afterCondition = new AtomicLong();
        CompletableFuture<Void> enough = new CompletableFuture<>();
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        closer.add(load::shutdownNow);
        load.scheduleAtFixedRate(() -> {
            if (condition.getAsBoolean() && afterCondition.incrementAndGet() > 200) {
                enough.complete(null);
                return;
            }
            if (slots.tryAcquire()) {
                asyncCall("d" + ThreadLocalRandom.current().nextInt(DEVICES))
                        .whenComplete((exchange, error) -> {
                            outcomes.record(exchange);
                            slots.release();
                        });
            }
        }, 0, 2, TimeUnit.MILLISECONDS);
        enough.orTimeout(atMost.toMillis(), TimeUnit.MILLISECONDS).join();
        load.shutdownNow();
        assertThat(slots.tryAcquire(20, 10, TimeUnit.SECONDS)).as("every call completed").isTrue();
        return outcomes;
    }

    private CompletableFuture<Exchange> asyncCall(String device) {
        return caller.asyncRequest("direct:call", "hello", Map.of(RrpcConstants.DEVICE_NAME, device));
    }

    private Exchange call(String device) {
        return caller.request("direct:call", "hello", Map.of(RrpcConstants.DEVICE_NAME, device));
    }

    /** When the connection was lost, made again, and had every subscription back. */
    private static final class RecoveryClock implements ConnectionListener {
        final AtomicLong lostAt = new AtomicLong();
        final AtomicLong reconnectedAt = new AtomicLong();
        final AtomicLong resubscribedAt = new AtomicLong();

        @Override
        public void connectionLost(Throwable cause) {
            lostAt.compareAndSet(0, System.nanoTime());
        }

        @Override
        public void reconnected() {
            reconnectedAt.compareAndSet(0, System.nanoTime());
        }

        @Override
        public void resubscribed() {
            resubscribedAt.compareAndSet(0, System.nanoTime());
        }
    }

    /** How the calls ended, by exception type ("reply" when answered); timeouts kept apart. */
    private static final class Outcomes {
        final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
        final List<Exception> timedOut = new CopyOnWriteArrayList<>();

        void record(Exchange exchange) {
            Exception failure = exchange.getException();
            if (failure instanceof RrpcTimeoutException) {
                timedOut.add(failure);
            }
            String kind = failure == null ? "reply" : failure.getClass().getSimpleName();
            byKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        long total() {
            return byKind.values().stream().mapToLong(AtomicLong::get).sum();
        }

        @Override
        public String toString() {
            return byKind.toString();
        }
    }
}
