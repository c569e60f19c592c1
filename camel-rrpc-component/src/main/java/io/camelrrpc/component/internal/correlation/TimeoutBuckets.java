package io.camelrrpc.component.internal.correlation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The timeouts of pending calls, gathered in buckets of a fixed resolution instead of one scheduled task per call.
 * A call's deadline is rounded up to the end of its bucket, so it never times out early and at most one resolution
 * late (plus the timer's jitter). A bucket exists only while it holds calls: the first call that falls in it creates
 * it and schedules its one task on the timer. When the last call leaves a bucket that ends within
 * {@link #KEEP_EMPTY_NANOS}, the bucket stays for the calls that follow and fires empty; one that ends later is closed
 * and its task cancelled, so long timeouts leave no tasks behind. (Closing every emptied bucket would schedule a task,
 * and wake the timer's thread, for nearly every call when calls are answered one at a time.) Calls are linked into
 * their bucket through their own fields, so adding and removing one allocates no task and removing is O(1).
 */
final class TimeoutBuckets {

    /**
     * How soon an emptied bucket must end to be kept. At most this divided by the resolution buckets wait empty:
     * 30,000 with 10 ms buckets, about 4 MB, and only while calls with timeouts that long keep coming.
     */
    static final long KEEP_EMPTY_NANOS = TimeUnit.MINUTES.toNanos(5);

    /**
     * The calls whose deadlines end at the same time, in the order they came. Its calls' links change under its
     * lock while it is open; once closed (fired, or emptied) it is out of the map and takes no more calls.
     */
    static final class Bucket implements Runnable {

        private final TimeoutBuckets owner;
        private final Long index;
        private ScheduledFuture<?> task;
        private PendingCall first;
        private PendingCall last;
        private boolean closed;

        private Bucket(TimeoutBuckets owner, Long index) {
            this.owner = owner;
            this.index = index;
        }

        /** The bucket's end has come: expires its calls. */
        @Override
        public void run() {
            owner.fire(this);
        }
    }

    private final ScheduledExecutorService timer;
    private final long resolutionNanos;
    private final long originNanos = System.nanoTime();
    private final Consumer<PendingCall> expiry;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final Function<Long, Bucket> opener = this::open;

    /**
     * @param timer      runs one task per bucket
     * @param resolution the buckets' width: how late a timeout may fire at most, beyond the timer's own delay
     * @param expiry     what to do with a call whose deadline has passed; runs on the timer's thread
     */
    TimeoutBuckets(ScheduledExecutorService timer, Duration resolution, Consumer<PendingCall> expiry) {
        this.timer = timer;
        this.resolutionNanos = resolution.toNanos();
        this.expiry = expiry;
    }

    /**
     * Starts the call's timeout.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the timer is shut down
     */
    void add(PendingCall call) {
        Long index = indexOf(call.deadlineNanos());
        for (;;) {
            Bucket bucket = buckets.computeIfAbsent(index, opener);
            synchronized (bucket) {
                if (!bucket.closed) {
                    link(bucket, call);
                    return;
                }
            }
            // the bucket fired or emptied between the lookup and the lock, and left the map: open a fresh one
        }
    }

    /** Stops the call's timeout, if it has not fired yet. */
    void remove(PendingCall call) {
        Bucket bucket = call.timeoutBucket;
        if (bucket == null) {
            return;
        }
        synchronized (bucket) {
            if (bucket.closed) {
                return; // fired: its calls belong to the timer's thread now
            }
            unlink(bucket, call);
            if (bucket.first == null && endOf(bucket.index) - System.nanoTime() > KEEP_EMPTY_NANOS) {
                close(bucket);
                bucket.task.cancel(false);
            }
        }
    }

    /** Buckets holding calls now. */
    int size() {
        return buckets.size();
    }

    /** The time, on the {@link System#nanoTime()} clock, at which a call with this deadline times out. */
    long firingTimeOf(long deadlineNanos) {
        return endOf(indexOf(deadlineNanos));
    }

    /** The bucket of a deadline: the first whose end is not before it. */
    private long indexOf(long deadlineNanos) {
        return Math.floorDiv(deadlineNanos - originNanos + resolutionNanos - 1, resolutionNanos);
    }

    private long endOf(long index) {
        return originNanos + index * resolutionNanos;
    }

    /** Creates the bucket with the given index and schedules its task; called by the map, under its lock. */
    private Bucket open(Long index) {
        Bucket bucket = new Bucket(this, index);
        bucket.task = timer.schedule(bucket, endOf(index) - System.nanoTime(), TimeUnit.NANOSECONDS);
        return bucket;
    }

    private void fire(Bucket bucket) {
        PendingCall expired;
        synchronized (bucket) {
            if (bucket.closed) {
                return; // emptied while its task was starting
            }
            close(bucket);
            expired = bucket.first;
            bucket.first = null;
            bucket.last = null;
        }
        while (expired != null) {
            PendingCall call = expired;
            expired = call.timeoutNext;
            call.timeoutNext = null;
            call.timeoutPrev = null;
            call.timeoutBucket = null;
            expiry.accept(call);
        }
    }

    private void close(Bucket bucket) {
        bucket.closed = true;
        buckets.remove(bucket.index, bucket);
    }

    private static void link(Bucket bucket, PendingCall call) {
        call.timeoutBucket = bucket;
        call.timeoutPrev = bucket.last;
        if (bucket.last == null) {
            bucket.first = call;
        } else {
            bucket.last.timeoutNext = call;
        }
        bucket.last = call;
    }

    private static void unlink(Bucket bucket, PendingCall call) {
        PendingCall prev = call.timeoutPrev;
        PendingCall next = call.timeoutNext;
        if (prev == null) {
            bucket.first = next;
        } else {
            prev.timeoutNext = next;
        }
        if (next == null) {
            bucket.last = prev;
        } else {
            next.timeoutPrev = prev;
        }
        call.timeoutPrev = null;
        call.timeoutNext = null;
        call.timeoutBucket = null;
    }
}
