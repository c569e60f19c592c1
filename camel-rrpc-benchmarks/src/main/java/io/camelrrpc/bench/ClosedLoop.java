package io.camelrrpc.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Keeps a fixed number of calls in flight (a closed loop: each completed call starts the next one from the thread
 * that completed it, so no thread waits per call) for a warm-up, then a measured window, then lets the calls in
 * flight drain. Latency is measured from just before {@link CallTarget#call} to the completion callback; calls
 * that complete inside the window are counted and recorded. Bounded in time: warm-up + window + drain.
 */
final class ClosedLoop {

    /** Calls that fail are retried after this pause, from a timer thread, so a failing target cannot spin. */
    private static final ScheduledExecutorService RETRY = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-retry");
        t.setDaemon(true);
        return t;
    });
    private static final com.sun.management.OperatingSystemMXBean OS
            = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One measured window. */
    record Run(Histogram latencies, long calls, long nanos, long errors, long lost, long jvmCpuNanos,
            long brokerCpuNanos) {
    }

    /** One cell's outcome, from one or more runs. Latencies in milliseconds; cpu in microseconds per completed call. */
    record Result(String system, String broker, int payloadBytes, int inFlight, String variant, long calls,
            double seconds, double callsPerSecond, double p50Ms, double p99Ms, double p999Ms, double maxMs,
            long errors, long lost, double jvmCpuUsPerCall, double brokerCpuUsPerCall) {
    }

    private static final long MAX_EXTRA_WARMUP_MILLIS = 4000;
    /**
     * The first calls start in batches of this many, 1 ms apart, not all at once: Moquette 0.17 drops every QoS 0
     * message to a subscriber whose Netty channel holds more than 64 KB not yet written, so 256 requests of 4 KB
     * started at once lost 240 of them, and those slots then waited for the request timeout.
     */
    private static final int RAMP_BATCH = 8;

    private final CallTarget target;
    private final byte[] payload;
    private final Recorder recorder = new Recorder(3);
    private final AtomicInteger outstanding = new AtomicInteger();
    private final LongAdder completed = new LongAdder();
    private final LongAdder completedEver = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicInteger seq = new AtomicInteger();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean stopping;

    private ClosedLoop(CallTarget target, byte[] payload) {
        this.target = target;
        this.payload = payload;
    }

    /**
     * Runs one cell.
     *
     * @param brokerCpu CPU nanoseconds of an out-of-process broker so far, or null
     */
    static Run run(CallTarget target, int payloadBytes, int inFlight, long warmupMillis, long windowMillis,
            long drainMillis, LongSupplier brokerCpu) throws InterruptedException {
        if (target instanceof Ceiling ceiling) {
            // keeps its calls in flight and times them in its own process, in the same way
            return ceiling.run(payloadBytes, inFlight, warmupMillis, windowMillis, drainMillis);
        }
        ClosedLoop loop = new ClosedLoop(target, payload(payloadBytes));
        loop.outstanding.set(inFlight);
        for (int i = 0; i < inFlight; i++) {
            loop.issue();
            if ((i + 1) % RAMP_BATCH == 0) {
                Thread.sleep(1);
            }
        }
        Thread.sleep(warmupMillis);
        // a slow cell (e.g. 4,096 x 4 KB) needs longer to reach a steady state: at least one call per slot first
        long warmupDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_EXTRA_WARMUP_MILLIS);
        while (loop.completedEver.sum() < inFlight && System.nanoTime() < warmupDeadline) {
            Thread.sleep(10);
        }
        loop.recorder.reset();
        long cpu0 = processCpuNanos();
        long broker0 = brokerCpu == null ? -1 : brokerCpu.getAsLong();
        long start = System.nanoTime();
        loop.windowStart = start;
        Thread.sleep(windowMillis);
        long end = System.nanoTime();
        loop.windowEnd = end;
        long cpu1 = processCpuNanos();
        long broker1 = brokerCpu == null ? -1 : brokerCpu.getAsLong();
        loop.stopping = true;
        long drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        while (loop.outstanding.get() > 0 && System.nanoTime() < drainDeadline) {
            Thread.sleep(5);
        }
        return new Run(loop.recorder.getIntervalHistogram(), loop.completed.sum(), end - start, loop.errors.sum(),
                Math.max(0, loop.outstanding.get()), cpu1 - cpu0, broker0 < 0 || broker1 < 0 ? -1 : broker1 - broker0);
    }

    /** @return a request body of that many letters */
    static byte[] payload(int bytes) {
        byte[] payload = new byte[bytes];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        return payload;
    }

    /** @return the CPU time of this JVM so far, all threads */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** Runs {@code task} after 1 ms on a timer thread: how failed calls are retried, so that no target can spin. */
    static void later(Runnable task) {
        RETRY.schedule(task, 1, TimeUnit.MILLISECONDS);
    }

    /** Adds up runs of the same cell (e.g. rounds interleaved with the other systems). */
    static Result merge(String system, String broker, String variant, int payloadBytes, int inFlight, List<Run> runs) {
        Histogram h = new Histogram(3);
        long calls = 0;
        long nanos = 0;
        long errors = 0;
        long lost = 0;
        long cpu = 0;
        long brokerCpu = 0;
        for (Run run : runs) {
            h.add(run.latencies());
            calls += run.calls();
            nanos += run.nanos();
            errors += run.errors();
            lost += run.lost();
            cpu += run.jvmCpuNanos();
            brokerCpu = brokerCpu < 0 || run.brokerCpuNanos() < 0 ? -1 : brokerCpu + run.brokerCpuNanos();
        }
        double seconds = nanos / 1e9;
        return new Result(system, broker, payloadBytes, inFlight, variant, calls, Math.round(seconds * 1000) / 1000.0,
                Math.round(calls / seconds), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), errors, lost,
                calls == 0 ? 0 : Math.round(cpu / 1e3 / calls * 10) / 10.0,
                calls == 0 || brokerCpu < 0 ? -1 : Math.round(brokerCpu / 1e3 / calls * 10) / 10.0);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    private void issue() {
        if (stopping) {
            outstanding.decrementAndGet();
            return;
        }
        long t0 = System.nanoTime();
        try {
            target.call(payload, seq.getAndIncrement(), ok -> complete(t0, ok));
        } catch (RuntimeException e) {
            complete(t0, false);
        }
    }

    private void complete(long t0, boolean ok) {
        long t1 = System.nanoTime();
        boolean inWindow = t1 >= windowStart && t1 < windowEnd;
        if (!ok) {
            if (inWindow) {
                errors.increment();
            }
            later(this::issue);
            return;
        }
        completedEver.increment();
        if (inWindow) {
            recorder.recordValue(t1 - t0);
            completed.increment();
        }
        issue();
    }
}
