package io.camelrrpc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.management.ObjectName;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.RrpcTimeoutException;
import io.camelrrpc.component.spi.CallStatistics;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Heap per pending call and timeout accuracy: N calls (16-byte bodies) to a device that is online and receives every
 * request but never answers. Heap = used heap after full GCs with all N calls pending minus before, over N; a class
 * histogram diff says where it goes. Then every call times out: lateness = completion seen by the caller − (start +
 * timeout). Two ways of calling, one after the other: the rrpc producer itself (what the component costs) and a route
 * {@code direct:silent -> rrpc:P/silent} with Camel's default error handler (what a route user sees). Two baselines
 * say what is not rrpc's: the bare exchange, and an exchange held in flight by a route whose processor never answers.
 */
final class HeapAndTimeouts {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    /** Lateness is recorded in microseconds shifted by this much, so that early completions fit the histogram. */
    private static final long SHIFT_US = 1_000_000;

    record ClassShare(String className, double instancesPerCall, double bytesPerCall) {
    }

    /** One way of calling: heap and timeouts. */
    record Variant(String name, double bytesPerPendingCall, double megabytesForAllCalls, double issueSeconds,
            long pendingWhenMeasured, boolean measuredBeforeFirstDeadline, long timedOut, long otherOutcomes,
            long missing, double latenessMinMs, double latenessP50Ms, double latenessP99Ms, double latenessP999Ms,
            double latenessMaxMs, long outside50Ms, int gcPausesWhileExpiring, double longestGcPauseMs,
            List<ClassShare> topClasses) {
    }

    record Result(String broker, int calls, long timeoutMillis, double bareExchangeBytes,
            double routeInFlightExchangeBytes, Variant producer, Variant route) {

        /** What rrpc adds to the exchange the caller has anyway. */
        double rrpcBytesPerCall() {
            return producer.bytesPerPendingCall() - bareExchangeBytes;
        }
    }

    static Result run(String brokerName, String brokerUrl, int calls, long timeoutMillis) throws Exception {
        double bare = bareExchangeBytes(calls);
        BenchMain.log("heap: bare exchange %.0f B", bare);
        double routeHeld = routeInFlightBytes(calls);
        BenchMain.log("heap: exchange held in flight by a route %.0f B", routeHeld);
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(1); // calls a broker dropped must not hold the stop
        context.getCamelContextExtension().setName("rrpc-heap");
        RrpcComponent rrpc = new RrpcComponent();
        rrpc.getConfiguration().setBrokerUrl(brokerUrl);
        rrpc.getConfiguration().setRequestTimeout(timeoutMillis);
        // every call in flight, waiting for its reply (with the default of 1 per device, all but one would wait
        // in their device's queue, unsent)
        rrpc.getConfiguration().setMaxConcurrentCallsPerDevice(0);
        context.addComponent("rrpc", rrpc);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:silent").to("rrpc:P/silent");
            }
        });
        context.start();
        SilentDevice device = new SilentDevice(brokerUrl);
        try {
            Variant producer = pending("rrpc producer", context.getEndpoint("rrpc:P/silent"), rrpc, device, calls,
                    timeoutMillis);
            Variant route = pending("route + default error handler", context.getEndpoint("direct:silent"), rrpc,
                    device, calls, timeoutMillis);
            return new Result(brokerName, calls, timeoutMillis, Math.round(bare), Math.round(routeHeld), producer,
                    route);
        } finally {
            device.close();
            context.stop();
        }
    }

    private static Variant pending(String name, Endpoint endpoint, RrpcComponent rrpc, SilentDevice device,
            int calls, long timeoutMillis) throws Exception {
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        long[] started = new long[calls];
        Recorder lateness = new Recorder(3);
        LongAdder timedOut = new LongAdder();
        LongAdder other = new LongAdder();
        LongAdder finished = new LongAdder();
        AtomicLong minLate = new AtomicLong(Long.MAX_VALUE);
        AtomicLong maxLate = new AtomicLong(Long.MIN_VALUE);
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long receivedBefore = device.received.sum();

        Map<String, long[]> histBefore = classHistogram();
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            Exchange exchange = endpoint.createExchange(ExchangePattern.InOut);
            exchange.getMessage().setBody(new byte[16]);
            final int n = i;
            started[i] = System.nanoTime();
            producer.process(exchange, doneSync -> {
                long late = System.nanoTime() - started[n] - timeoutNanos;
                if (exchange.getException() instanceof RrpcTimeoutException) {
                    timedOut.increment();
                    lateness.recordValue(Math.max(0, late / 1000 + SHIFT_US));
                    minLate.accumulateAndGet(late, Math::min);
                    maxLate.accumulateAndGet(late, Math::max);
                } else {
                    other.increment();
                }
                finished.increment();
            });
        }
        double issueSeconds = (System.nanoTime() - t0) / 1e9;
        // every request has left the client once the device has seen them all
        long waitUntil = started[0] + timeoutNanos - TimeUnit.MILLISECONDS.toNanos(3500);
        while (device.received.sum() - receivedBefore < calls && System.nanoTime() < waitUntil) {
            Thread.sleep(10);
        }
        BenchMain.log("heap: %s: %d calls issued in %.2f s, %d seen by the device", name, calls, issueSeconds,
                device.received.sum() - receivedBefore);
        long pending = rrpc.getCallStatistics().stream().mapToLong(CallStatistics::pendingCalls).sum();
        long after = usedAfterGc();
        Map<String, long[]> histAfter = classHistogram();
        boolean beforeDeadline = System.nanoTime() < started[0] + timeoutNanos;
        BenchMain.log("heap: %s: measured, %d pending", name, pending);

        GcPauses gc = new GcPauses();
        long finishBy = System.nanoTime() + timeoutNanos + TimeUnit.SECONDS.toNanos(20);
        while (finished.sum() < calls && System.nanoTime() < finishBy) {
            Thread.sleep(10);
        }
        gc.close();
        producer.stop();
        BenchMain.log("heap: %s: %d finished", name, finished.sum());
        Histogram h = lateness.getIntervalHistogram();
        long outside = 0;
        for (var v : h.recordedValues()) {
            long us = v.getValueIteratedTo() - SHIFT_US;
            if (Math.abs(us) > 50_000) {
                outside += v.getCountAddedInThisIterationStep();
            }
        }
        return new Variant(name, Math.round((after - before) / (double) calls), round((after - before) / 1048576.0),
                round(issueSeconds), pending, beforeDeadline, timedOut.sum(), other.sum(), calls - finished.sum(),
                ms(minLate.get()), shifted(h.getValueAtPercentile(50)), shifted(h.getValueAtPercentile(99)),
                shifted(h.getValueAtPercentile(99.9)), ms(maxLate.get()), outside, gc.count, gc.longestMillis,
                topClasses(histBefore, histAfter, calls));
    }

    /** Heap of the exchange alone, as the caller makes it (InOut, 16-byte body). */
    private static double bareExchangeBytes(int calls) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(1); // calls a broker dropped must not hold the stop
        context.start();
        try {
            Endpoint endpoint = context.getEndpoint("direct:x");
            Object[] held = new Object[calls];
            long before = usedAfterGc();
            for (int i = 0; i < calls; i++) {
                Exchange exchange = endpoint.createExchange(ExchangePattern.InOut);
                exchange.getMessage().setBody(new byte[16]);
                held[i] = exchange;
            }
            long after = usedAfterGc();
            if (held[calls - 1] == null) {
                throw new IllegalStateException();
            }
            return (after - before) / (double) calls;
        } finally {
            context.stop();
        }
    }

    /** Heap of an exchange held in flight by a route whose asynchronous processor never completes it. */
    private static double routeInFlightBytes(int calls) throws Exception {
        AsyncCallback[] held = new AsyncCallback[calls];
        int[] count = new int[1];
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(1); // calls a broker dropped must not hold the stop
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hold").process(new AsyncProcessorSupport() {
                    @Override
                    public boolean process(Exchange exchange, AsyncCallback callback) {
                        held[count[0]++] = callback;
                        return false;
                    }
                });
            }
        });
        context.start();
        try {
            Endpoint endpoint = context.getEndpoint("direct:hold");
            AsyncProcessor producer = endpoint.createAsyncProducer();
            ((AsyncProducer) producer).start();
            long before = usedAfterGc();
            for (int i = 0; i < calls; i++) {
                Exchange exchange = endpoint.createExchange(ExchangePattern.InOut);
                exchange.getMessage().setBody(new byte[16]);
                producer.process(exchange, doneSync -> {
                });
            }
            long after = usedAfterGc();
            if (count[0] != calls) {
                throw new IllegalStateException("held " + count[0]);
            }
            for (AsyncCallback callback : held) {
                callback.done(false); // else stopping the context waits for them (45 s)
            }
            return (after - before) / (double) calls;
        } finally {
            context.stop();
        }
    }

    static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Live objects per class (instances, bytes), from the JVM's GC.class_histogram diagnostic command. */
    private static Map<String, long[]> classHistogram() {
        Map<String, long[]> result = new HashMap<>();
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] { new String[0] }, new String[] { String[].class.getName() });
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    result.put(f[3], new long[] { Long.parseLong(f[1]), Long.parseLong(f[2]) });
                }
            }
        } catch (Exception e) {
            System.err.println("no class histogram: " + e);
        }
        return result;
    }

    private static List<ClassShare> topClasses(Map<String, long[]> before, Map<String, long[]> after, int calls) {
        List<ClassShare> shares = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long bytes = e.getValue()[1] - b[1];
            long instances = e.getValue()[0] - b[0];
            if (bytes > calls / 2) {
                // lambda class names carry a per-run address: keep them comparable between runs
                String name = e.getKey().replaceAll("\\$\\$Lambda\\$\\d+/0x[0-9a-f]+", "\\$\\$Lambda");
                shares.add(new ClassShare(name, round(instances / (double) calls), round(bytes / (double) calls)));
            }
        }
        shares.sort((x, y) -> Double.compare(y.bytesPerCall(), x.bytesPerCall()));
        return shares.size() > 30 ? shares.subList(0, 30) : shares;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    private static double shifted(long micros) {
        return (micros - SHIFT_US) / 1e3;
    }

    /** Stop-the-world GC pauses reported while it is open: a pause delays every timeout due during it. */
    private static final class GcPauses implements javax.management.NotificationListener, AutoCloseable {
        int count;
        double longestMillis;

        GcPauses() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        @Override
        public synchronized void handleNotification(javax.management.Notification n, Object handback) {
            if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) n.getUserData());
                // concurrent cycles (G1 Concurrent GC, ZGC Cycles) do not stop the application
                if (!info.getGcName().contains("Concurrent") && !info.getGcName().contains("Cycles")) {
                    count++;
                    longestMillis = Math.max(longestMillis, info.getGcInfo().getDuration());
                }
            }
        }

        @Override
        public void close() throws Exception {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).removeNotificationListener(this);
            }
        }
    }

    /** Online, subscribed to its request topic, counts requests, never answers. */
    private static final class SilentDevice implements AutoCloseable {
        final LongAdder received = new LongAdder();
        final Mqtt3AsyncClient client;

        SilentDevice(String url) throws Exception {
            URI uri = URI.create(url);
            client = MqttClient.builder().useMqttVersion3()
                    .identifier("silent-" + UUID.randomUUID().toString().substring(0, 8))
                    .serverHost(uri.getHost()).serverPort(uri.getPort()).buildAsync();
            client.connectWith().cleanSession(true).send().get(10, TimeUnit.SECONDS);
            client.subscribeWith().topicFilter("$rrpc/rxd/P/silent/+").qos(MqttQos.AT_MOST_ONCE)
                    .callback(publish -> received.increment()).send().get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            client.disconnect().get(5, TimeUnit.SECONDS);
        }
    }
}
