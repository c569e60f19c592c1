package io.camelrrpc.component.internal.correlation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelrrpc.component.internal.correlation.TestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TimeoutBucketsTest {

    private static final Duration RESOLUTION = Duration.ofMillis(10);
    /**
     * So wide that all calls of a test share one bucket, which never fires unless the test fires it; its task then
     * still waits in the timer, so those tests check only that the bucket left the map.
     */
    private static final Duration ONE_BUCKET = Duration.ofDays(1);
    /** Room for a loaded machine, where the timer's thread may run late; being early is never allowed. */
    private static final long TIMER_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private final ScheduledThreadPoolExecutor timer = timerLikeCamels();
    private final Queue<PendingCall> expired = new ConcurrentLinkedQueue<>();
    private final Map<PendingCall, Long> expiredAtNanos = new ConcurrentHashMap<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void deadlinesAreRoundedUpToTheEndOfTheirBucket() {
        TimeoutBuckets buckets = buckets(RESOLUTION);
        long resolution = RESOLUTION.toNanos();
        long start = System.nanoTime();
        for (long deadline = start; deadline < start + 3 * resolution; deadline += 9_973) {
            long firing = buckets.firingTimeOf(deadline);
            assertThat(firing - deadline).as("deadline %d", deadline).isBetween(0L, resolution - 1);
            assertThat(buckets.firingTimeOf(firing)).as("a deadline on a bucket's end keeps it").isEqualTo(firing);
            assertThat(buckets.firingTimeOf(firing + 1)).isEqualTo(firing + resolution);
        }
    }

    @Test
    void everyCallExpiresOnceNeverBeforeItsDeadlineAndAtMostOneResolutionLate() {
        TimeoutBuckets buckets = buckets(RESOLUTION);
        List<PendingCall> calls = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            PendingCall call = call(1 + i % 200);
            calls.add(call);
            buckets.add(call);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> expired.size() >= calls.size());
        assertThat(expired).hasSize(calls.size()).doesNotHaveDuplicates();
        long latest = RESOLUTION.toNanos() + TIMER_SLACK_NANOS;
        assertThat(calls).allSatisfy(call -> assertThat(expiredAtNanos.get(call) - call.deadlineNanos())
                .as("nanos after the deadline").isBetween(0L, latest));
        assertNothingLeft(buckets);
    }

    @Test
    void callsOfOneBucketShareOneTask() {
        TimeoutBuckets buckets = buckets(ONE_BUCKET);
        List<PendingCall> calls = addCalls(buckets, 10_000);

        assertThat(buckets.size()).isEqualTo(1);
        assertThat(timer.getQueue()).hasSize(1);
        calls.get(0).timeoutBucket.run();
        assertThat(expired).containsExactlyElementsOf(calls);
        assertThat(buckets.size()).as("a fired bucket leaves the map").isZero();
    }

    @Test
    void removingCallsFromAnywhereKeepsTheOthersInOrder() {
        TimeoutBuckets buckets = buckets(ONE_BUCKET);
        List<PendingCall> calls = addCalls(buckets, 5);
        for (int i : new int[] { 0, 2, 4 }) {
            buckets.remove(calls.get(i));
            assertUnlinked(calls.get(i));
        }

        calls.get(1).timeoutBucket.run();
        assertThat(expired).containsExactly(calls.get(1), calls.get(3));
        buckets.remove(calls.get(1));
        assertThat(expired).as("a reply after the timeout changes nothing").hasSize(2);
        assertThat(buckets.size()).isZero();
    }

    @Test
    void removingTheLastCallClosesTheBucketAndCancelsItsTask() {
        TimeoutBuckets buckets = buckets(ONE_BUCKET);
        List<PendingCall> calls = addCalls(buckets, 3);
        TimeoutBuckets.Bucket bucket = calls.get(0).timeoutBucket;
        calls.forEach(buckets::remove);

        assertThat(calls).allSatisfy(TimeoutBucketsTest::assertUnlinked);
        assertNothingLeft(buckets);
        bucket.run();
        assertThat(expired).as("a task that starts as its bucket empties expires nothing").isEmpty();
        PendingCall later = call(60_000);
        buckets.add(later);
        assertThat(later.timeoutBucket).as("a fresh bucket").isNotNull().isNotSameAs(bucket);
    }

    @Test
    void anEmptiedBucketEndingSoonStaysForTheNextCallsAndFiresEmpty() {
        TimeoutBuckets buckets = buckets(Duration.ofSeconds(1)); // wide: both calls fall in one bucket
        PendingCall answered = call(1000);
        buckets.add(answered);
        TimeoutBuckets.Bucket bucket = answered.timeoutBucket;
        buckets.remove(answered);
        assertUnlinked(answered);
        assertThat(buckets.size()).as("kept").isEqualTo(1);

        PendingCall next = call(1000);
        buckets.add(next);
        assertThat(next.timeoutBucket).as("the same bucket, no new task").isSameAs(bucket);
        assertThat(timer.getQueue()).hasSize(1);
        buckets.remove(next);

        await().atMost(Duration.ofSeconds(10)).until(() -> buckets.size() == 0 && timer.getQueue().isEmpty());
        assertThat(expired).as("nothing left in it to expire").isEmpty();
    }

    @Test
    void callAddedWhileItsBucketFiresLandsInAFreshBucket() throws Exception {
        TimeoutBuckets buckets = buckets(ONE_BUCKET);
        PendingCall first = call(60_000);
        PendingCall second = call(60_000);
        buckets.add(first);
        TimeoutBuckets.Bucket firing = first.timeoutBucket;
        Thread adder = new Thread(() -> buckets.add(second), "adder");
        synchronized (firing) {
            adder.start();
            awaitBlockedOn(adder, firing);
            firing.run(); // the timer fires the bucket after the adder found it, before it could link the call
        }
        adder.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(adder.isAlive()).isFalse();
        assertThat(expired).containsExactly(first);
        assertThat(second.timeoutBucket).isNotNull().isNotSameAs(firing);
        assertThat(buckets.size()).isEqualTo(1);
        second.timeoutBucket.run();
        assertThat(expired).containsExactly(first, second);
        assertThat(buckets.size()).isZero();
    }

    @Test
    void aStoppedTimerRejectsTheCallAndKeepsNoBucket() {
        TimeoutBuckets buckets = buckets(RESOLUTION);
        timer.shutdownNow();
        assertThatThrownBy(() -> buckets.add(call(1000))).isInstanceOf(RejectedExecutionException.class);
        assertThat(buckets.size()).isZero();
    }

    private TimeoutBuckets buckets(Duration resolution) {
        return new TimeoutBuckets(timer, resolution, call -> {
            expiredAtNanos.put(call, System.nanoTime());
            expired.add(call);
        });
    }

    private static List<PendingCall> addCalls(TimeoutBuckets buckets, int count) {
        List<PendingCall> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PendingCall call = call(60_000);
            buckets.add(call);
            calls.add(call);
        }
        return calls;
    }

    private void assertNothingLeft(TimeoutBuckets buckets) {
        assertThat(buckets.size()).as("buckets").isZero();
        assertThat(timer.getQueue()).as("scheduled tasks").isEmpty();
    }

    private static void assertUnlinked(PendingCall call) {
        assertThat(call.timeoutBucket).isNull();
        assertThat(call.timeoutPrev).isNull();
        assertThat(call.timeoutNext).isNull();
    }

    /** Waits until the thread waits for the monitor, e.g. a bucket's lock. */
    private static void awaitBlockedOn(Thread thread, Object monitor) {
        String lock = monitor.getClass().getName() + '@' + Integer.toHexString(System.identityHashCode(monitor));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        await().until(() -> lock.equals(threads.getThreadInfo(thread.getId()).getLockName()));
    }

    /** A single-thread scheduled pool that drops cancelled tasks at once, as Camel's scheduled pools do. */
    private static ScheduledThreadPoolExecutor timerLikeCamels() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
