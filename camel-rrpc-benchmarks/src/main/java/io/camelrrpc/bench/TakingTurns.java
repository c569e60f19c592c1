package io.camelrrpc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.Recorder;

/**
 * 1 call in flight, measured as a paired comparison: the systems of a cell take turns in short slices (20 ms of
 * back-to-back calls each), in a fresh random order every cycle, one call in flight in the whole JVM at any time.
 * Over hundreds of slices every scheduling hiccup, GC pause or stolen CPU slice of a shared machine falls on the
 * systems alike. (Measured one after the other in a few rounds of seconds, a system that happened to run during a
 * noisy second had a p99 several milliseconds worse than its neighbour's.) Each completion starts the next call from
 * the completing thread, as {@link ClosedLoop} does.
 * <p>
 * Per system: the latencies of its calls completed in the window, except the first call of each slice (it wakes
 * threads that slept while the other systems ran, like the warm-up of a round); its time = the sum of those calls'
 * durations (calls/s = 1 / mean latency: the throughput of one call in flight); its JVM CPU = the process CPU time
 * of its slices that ended in the window. A call not completed within {@link #LOST_AFTER_MILLIS} is counted as lost
 * and the next call starts.
 * <p>
 * The {@link Ceiling} runs its slices itself: one command per slice to its process, which makes the calls one after
 * the other and answers with their latencies and its CPU time, counted as the calls of any other slice.
 */
final class TakingTurns {

    private static final long LOST_AFTER_MILLIS = 1000;
    private static final long SLICE_MILLIS = 20;

    private final List<CallTarget> targets;
    private final byte[] payload;
    private final long sliceNanos = TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);
    private final Recorder[] recorders;
    private final AtomicLongArray calls;
    private final AtomicLongArray nanos;
    private final AtomicLongArray cpuNanos;
    private final AtomicLongArray errors;
    private final AtomicLongArray lost;
    /** Number of the call in flight; a completion moves it on only if it is still its own. */
    private final AtomicLong turn = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PairedSamples samples = new PairedSamples();
    /** The slice: written by whichever thread starts the next call, one at a time (ordered by {@link #turn}). */
    private volatile Slice slice;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean stopping;

    /** The system whose turn it is, since when, and the order of the current cycle. */
    private record Slice(int target, long start, long end, long cpuAtStart, int[] order, int position, int cycle) {
    }

    /** What a run measured: one {@link ClosedLoop.Run} per target, in the order of the targets, and the samples. */
    record Outcome(List<ClosedLoop.Run> runs, PairedSamples samples) {
    }

    private TakingTurns(List<CallTarget> targets, byte[] payload) {
        this.targets = targets;
        this.payload = payload;
        int n = targets.size();
        recorders = new Recorder[n];
        for (int i = 0; i < n; i++) {
            recorders[i] = new Recorder(3);
        }
        calls = new AtomicLongArray(n);
        nanos = new AtomicLongArray(n);
        cpuNanos = new AtomicLongArray(n);
        errors = new AtomicLongArray(n);
        lost = new AtomicLongArray(n);
    }

    static Outcome run(List<CallTarget> targets, int payloadBytes, long warmupMillis, long windowMillis,
            long drainMillis) throws InterruptedException {
        TakingTurns turns = new TakingTurns(targets, ClosedLoop.payload(payloadBytes));
        turns.issue(0);
        long lostAfter = TimeUnit.MILLISECONDS.toNanos(LOST_AFTER_MILLIS);
        long watchedTurn = -1;
        long watchedSince = 0;
        long warmupEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
        long plannedEnd = warmupEnd + TimeUnit.MILLISECONDS.toNanos(windowMillis);
        while (!turns.stopping) {
            long now = System.nanoTime();
            if (now >= warmupEnd && turns.windowStart == Long.MAX_VALUE) {
                for (Recorder r : turns.recorders) {
                    r.reset();
                }
                turns.windowStart = now;
            } else if (now >= plannedEnd) {
                turns.windowEnd = now;
                turns.stopping = true;
            }
            long k = turns.turn.get();
            if (k != watchedTurn) {
                watchedTurn = k;
                watchedSince = now;
            } else if (now - watchedSince > lostAfter) {
                turns.skip(k);
            }
            Thread.sleep(10);
        }
        if (!turns.stopped.await(drainMillis, TimeUnit.MILLISECONDS)) {
            turns.skip(turns.turn.get());
        }
        List<ClosedLoop.Run> runs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            runs.add(new ClosedLoop.Run(turns.recorders[i].getIntervalHistogram(), turns.calls.get(i),
                    turns.nanos.get(i), turns.errors.get(i), turns.lost.get(i), turns.cpuNanos.get(i), -1));
        }
        return new Outcome(runs, turns.samples);
    }

    /** @return the slice for a call starting now: the current one, or the next system's when it is over */
    private Slice sliceAt(long now) {
        Slice current = slice;
        if (current != null && now < current.end()) {
            return current;
        }
        endSlice(now);
        int[] order;
        int position;
        int cycle;
        if (current == null || current.position() + 1 == targets.size()) {
            order = shuffled(targets.size());
            position = 0;
            cycle = current == null ? 0 : current.cycle() + 1;
        } else {
            order = current.order();
            position = current.position() + 1;
            cycle = current.cycle();
        }
        Slice next = new Slice(order[position], now, now + sliceNanos, ClosedLoop.processCpuNanos(), order, position,
                cycle);
        slice = next;
        return next;
    }

    /** Counts the CPU time of the current slice for its system, if the slice ends in the window. */
    private void endSlice(long now) {
        Slice current = slice;
        if (current != null && current.start() >= windowStart && now <= windowEnd
            && !(targets.get(current.target()) instanceof Ceiling)) {
            cpuNanos.addAndGet(current.target(), ClosedLoop.processCpuNanos() - current.cpuAtStart());
        }
    }

    private static int[] shuffled(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = ThreadLocalRandom.current().nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private void issue(long k) {
        if (stopping) {
            stopped.countDown();
            return;
        }
        long t0 = System.nanoTime();
        Slice s = sliceAt(t0);
        if (targets.get(s.target()) instanceof Ceiling ceiling) {
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(s.end() - t0));
            ceiling.slice(payload.length, millis, LOST_AFTER_MILLIS / 2)
                    .whenComplete((outcome, failure) -> sliceMeasured(k, s, outcome));
            return;
        }
        try {
            targets.get(s.target()).call(payload, k, ok -> complete(k, s, t0, ok));
        } catch (RuntimeException e) {
            complete(k, s, t0, false);
        }
    }

    private void complete(long k, Slice s, long t0, boolean ok) {
        long t1 = System.nanoTime();
        if (!turn.compareAndSet(k, k + 1)) {
            return; // counted as lost already
        }
        int i = s.target();
        if (t1 >= windowStart && t1 < windowEnd) {
            if (!ok) {
                errors.incrementAndGet(i);
            } else if (s.start() != t0) { // not the first call of its slice
                record(i, s.cycle(), t1 - t0);
            }
        }
        if (ok) {
            issue(k + 1);
        } else {
            ClosedLoop.later(() -> issue(k + 1));
        }
    }

    /** Ends a slice the ceiling measured (null: it failed), then starts the next call. */
    private void sliceMeasured(long k, Slice s, Ceiling.Outcome outcome) {
        long t1 = System.nanoTime();
        if (!turn.compareAndSet(k, k + 1)) {
            return; // counted as lost already
        }
        int i = s.target();
        if (t1 >= windowStart && t1 < windowEnd) {
            if (outcome == null) {
                errors.incrementAndGet(i);
            } else {
                errors.addAndGet(i, outcome.errors());
                lost.addAndGet(i, outcome.lost());
                cpuNanos.addAndGet(i, outcome.cpuNanos());
                long[] latencies = outcome.latencies();
                for (int j = 1; j < latencies.length; j++) { // not the first call of its slice
                    record(i, s.cycle(), latencies[j]);
                }
            }
        }
        if (outcome != null) {
            issue(k + 1);
        } else {
            ClosedLoop.later(() -> issue(k + 1));
        }
    }

    private void record(int target, int cycle, long latencyNanos) {
        recorders[target].recordValue(latencyNanos);
        calls.incrementAndGet(target);
        nanos.addAndGet(target, latencyNanos);
        samples.add(target, cycle, latencyNanos);
    }

    /** Gives up on call {@code k}, if it is still in flight, and starts the next one. */
    private void skip(long k) {
        if (turn.compareAndSet(k, k + 1)) {
            lost.incrementAndGet(slice.target());
            issue(k + 1);
        }
    }
}
