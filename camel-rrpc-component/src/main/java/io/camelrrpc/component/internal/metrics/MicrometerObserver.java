package io.camelrrpc.component.internal.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import io.camelrrpc.component.spi.CallOutcome;
import io.camelrrpc.component.spi.ReplyDropReason;
import io.camelrrpc.component.spi.RequestDropReason;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.component.spi.RrpcConnection;
import io.camelrrpc.component.spi.RrpcObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/** Records the rrpc meters in a Micrometer registry; see docs/monitoring.md for what each one counts. */
final class MicrometerObserver implements RrpcObserver, AutoCloseable {

    static final String CALLS = "rrpc.calls";
    static final String PENDING_CALLS = "rrpc.calls.pending";
    static final String DROPPED_REPLIES = "rrpc.replies.dropped";
    static final String REQUESTS = "rrpc.requests";
    static final String DROPPED_REQUESTS = "rrpc.requests.dropped";
    static final String CONNECTED = "rrpc.connection.connected";
    static final String RECONNECTS = "rrpc.connection.reconnects";
    static final String FAILOVERS = "rrpc.connection.failovers";
    static final String UNDECODABLE_PACKETS = "rrpc.connection.undecodable.packets";

    /** A timer's tags: the outcome, the product and, with the device tag, the device. */
    private record TimerKey(String outcome, String productId, String deviceName) {
    }

    private final MeterRegistry registry;
    private final boolean percentileHistogram;
    private final boolean deviceTag;
    private final Map<TimerKey, Timer> calls = new ConcurrentHashMap<>();
    private final Map<TimerKey, Timer> requests = new ConcurrentHashMap<>();
    private final Map<ReplyDropReason, Counter> droppedReplies = new EnumMap<>(ReplyDropReason.class);
    private final Map<RequestDropReason, Counter> droppedRequests = new EnumMap<>(RequestDropReason.class);
    private final Map<RrpcConnection, List<Meter>> connections = new ConcurrentHashMap<>();
    private final Gauge pendingCalls;

    private MicrometerObserver(MeterRegistry registry, boolean percentileHistogram, boolean deviceTag,
                               IntSupplier pendingCalls) {
        this.registry = registry;
        this.percentileHistogram = percentileHistogram;
        this.deviceTag = deviceTag;
        for (ReplyDropReason reason : ReplyDropReason.values()) {
            droppedReplies.put(reason, Counter.builder(DROPPED_REPLIES).tag("reason", reason.tag())
                    .description("Messages on reply topics that completed no call").register(registry));
        }
        for (RequestDropReason reason : RequestDropReason.values()) {
            droppedRequests.put(reason, Counter.builder(DROPPED_REQUESTS).tag("reason", reason.tag())
                    .description("Requests a consumer dropped without running its route").register(registry));
        }
        this.pendingCalls = Gauge.builder(PENDING_CALLS, pendingCalls, IntSupplier::getAsInt)
                .description("Calls waiting for their reply or their turn").strongReference(true).register(registry);
    }

    /** An observer on the registry of the Camel registry, or {@code null} when there is none. */
    static MicrometerObserver bind(CamelContext camelContext, boolean percentileHistogram, boolean deviceTag,
                                   IntSupplier pendingCalls) {
        MeterRegistry registry = camelContext.getRegistry()
                .lookupByNameAndType(RrpcMetrics.REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = camelContext.getRegistry().findSingleByType(MeterRegistry.class);
        }
        return registry == null ? null : new MicrometerObserver(registry, percentileHistogram, deviceTag, pendingCalls);
    }

    @Override
    public void callEnded(RrpcAddress address, CallOutcome outcome, long durationNanos) {
        calls.computeIfAbsent(key(outcome.tag(), address), key -> timer(CALLS, "Calls to devices, by outcome", key))
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void replyDropped(ReplyDropReason reason) {
        droppedReplies.get(reason).increment();
    }

    @Override
    public void requestHandled(RrpcAddress address, boolean failed, long durationNanos) {
        requests.computeIfAbsent(key(failed ? "error" : "ok", address),
                key -> timer(REQUESTS, "Requests served by consumers, from arrival to reply", key))
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void requestDropped(RequestDropReason reason) {
        droppedRequests.get(reason).increment();
    }

    @Override
    public void connectionOpened(RrpcConnection connection) {
        Tags tags = Tags.of("broker", connection.brokerUrl(), "client", connection.clientId());
        connections.computeIfAbsent(connection, c -> List.of(
                Gauge.builder(CONNECTED, c, m -> m.isConnected() ? 1 : 0).tags(tags)
                        .description("1 while the broker connection is up, else 0").strongReference(true)
                        .register(registry),
                FunctionCounter.builder(RECONNECTS, c, RrpcConnection::reconnects).tags(tags)
                        .description("Times the broker connection came back with its subscriptions")
                        .register(registry),
                FunctionCounter.builder(FAILOVERS, c, RrpcConnection::failovers).tags(tags)
                        .description("Times the connection came back on another node of its brokerUrl list")
                        .register(registry),
                FunctionCounter.builder(UNDECODABLE_PACKETS, c, RrpcConnection::undecodablePackets).tags(tags)
                        .description("Packets from the broker the MQTT client could not decode")
                        .register(registry)));
    }

    @Override
    public void connectionClosed(RrpcConnection connection) {
        List<Meter> meters = connections.remove(connection);
        if (meters != null) {
            meters.forEach(registry::remove);
        }
    }

    private TimerKey key(String outcome, RrpcAddress address) {
        return new TimerKey(outcome, address.productId(), deviceTag ? address.deviceName() : null);
    }

    private Timer timer(String name, String description, TimerKey key) {
        Timer.Builder timer = Timer.builder(name).description(description)
                .tag("outcome", key.outcome()).tag("product", String.valueOf(key.productId()))
                .publishPercentileHistogram(percentileHistogram);
        if (deviceTag) {
            timer.tag("device", String.valueOf(key.deviceName()));
        }
        return timer.register(registry);
    }

    /** Removes every meter this observer registered. */
    @Override
    public void close() {
        calls.values().forEach(registry::remove);
        requests.values().forEach(registry::remove);
        droppedReplies.values().forEach(registry::remove);
        droppedRequests.values().forEach(registry::remove);
        connections.values().forEach(meters -> meters.forEach(registry::remove));
        registry.remove(pendingCalls);
    }

    @Override
    public String toString() {
        return "rrpc Micrometer metrics on " + registry.getClass().getSimpleName();
    }
}
