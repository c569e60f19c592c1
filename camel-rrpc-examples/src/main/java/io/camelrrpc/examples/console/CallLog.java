package io.camelrrpc.examples.console;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.camelrrpc.component.spi.CallOutcome;
import io.camelrrpc.component.spi.RrpcObserver;
import io.camelrrpc.component.spi.RrpcAddress;

/**
 * What the console page shows of this application's calls: the last {@value #LAST_CALLS} calls, the devices called
 * lately, and calls per second with their p99 over the last {@value #SECONDS} seconds. It hears the same events as
 * the component's {@code rrpc.calls} timer.
 */
public final class CallLog implements RrpcObserver {

    static final int LAST_CALLS = 50;
    static final int SECONDS = 60;
    private static final int RECENT_DEVICES = 20;
    /** Latencies kept per second for its p99; a busier second's p99 is that of its first calls. */
    private static final int SAMPLES_PER_SECOND = 10_000;

    /** One call as the page lists it. */
    public record Call(Instant at, String device, String processId, String outcome, double millis) {
    }

    /** Calls in one second and their p99 in milliseconds ({@code null} without calls). */
    public record Second(long epochSecond, int calls, Double p99Millis) {
    }

    /** A call's slot in the per-second history; guarded by the log. */
    private static final class Bucket {
        long epochSecond = -1;
        int calls;
        long[] nanos = new long[16];
    }

    private final LongSupplier clockMillis;
    private final Deque<Call> calls = new ArrayDeque<>();
    private final Map<String, Instant> devices = new LinkedHashMap<>(RECENT_DEVICES, 0.75f, true);
    private final Bucket[] history = new Bucket[SECONDS];

    /** @param clockMillis the wall clock, {@link System#currentTimeMillis()} or a test's */
    public CallLog(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        Arrays.setAll(history, i -> new Bucket());
    }

    @Override
    public synchronized void callEnded(RrpcAddress address, CallOutcome outcome, long durationNanos) {
        Instant now = Instant.ofEpochMilli(clockMillis.getAsLong());
        String device = address.productId() + "/" + address.deviceName();
        calls.addFirst(new Call(now, device, address.processId(), outcome.tag(), durationNanos / 1e6));
        if (calls.size() > LAST_CALLS) {
            calls.removeLast();
        }
        devices.put(device, now);
        if (devices.size() > RECENT_DEVICES) {
            devices.remove(devices.keySet().iterator().next());
        }
        Bucket bucket = bucket(now.getEpochSecond());
        if (bucket.calls < SAMPLES_PER_SECOND) {
            if (bucket.calls == bucket.nanos.length) {
                bucket.nanos = Arrays.copyOf(bucket.nanos, bucket.nanos.length * 2);
            }
            bucket.nanos[bucket.calls] = durationNanos;
        }
        bucket.calls++;
    }

    private Bucket bucket(long epochSecond) {
        Bucket bucket = history[(int) (epochSecond % SECONDS)];
        if (bucket.epochSecond != epochSecond) {
            bucket.epochSecond = epochSecond;
            bucket.calls = 0;
        }
        return bucket;
    }

    /** The last calls, newest first. */
    public synchronized List<Call> lastCalls() {
        return List.copyOf(calls);
    }

    /** The devices called lately, with their last call, least recent first. */
    public synchronized Map<String, Instant> recentDevices() {
        return new LinkedHashMap<>(devices);
    }

    /** Calls per second and p99 of each of the last {@value #SECONDS} whole seconds, oldest first. */
    public synchronized List<Second> history() {
        long current = clockMillis.getAsLong() / 1000;
        List<Second> seconds = new ArrayList<>(SECONDS);
        for (long second = current - SECONDS; second < current; second++) {
            Bucket bucket = history[(int) (second % SECONDS)];
            boolean had = bucket.epochSecond == second && bucket.calls > 0;
            seconds.add(new Second(second, had ? bucket.calls : 0, had ? p99Millis(bucket) : null));
        }
        return seconds;
    }

    private static double p99Millis(Bucket bucket) {
        long[] sorted = Arrays.copyOf(bucket.nanos, Math.min(bucket.calls, SAMPLES_PER_SECOND));
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
    }
}
