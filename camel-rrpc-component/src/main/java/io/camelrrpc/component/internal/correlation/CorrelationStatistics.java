package io.camelrrpc.component.internal.correlation;

import java.util.concurrent.atomic.LongAdder;

/** Counts what happened to calls and to replies that matched no call. */
public final class CorrelationStatistics {

    final LongAdder calls = new LongAdder();
    final LongAdder replies = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder unmatchedReplies = new LongAdder();
    final LongAdder misaddressedReplies = new LongAdder();
    final LongAdder malformedReplies = new LongAdder();
    final LongAdder oversizedReplies = new LongAdder();
    final LongAdder rejections = new LongAdder();

    /** Calls registered. */
    public long calls() {
        return calls.sum();
    }

    /** Calls completed by their reply. */
    public long replies() {
        return replies.sum();
    }

    /** Calls that timed out. */
    public long timeouts() {
        return timeouts.sum();
    }

    /** Calls that failed otherwise: publish failed, connection lost, stopped. */
    public long failures() {
        return failures.sum();
    }

    /**
     * Replies whose processId matched no pending call: late, duplicate, or another node's. Which of them were late
     * and duplicate, {@link io.camelrrpc.component.internal.late.RecentCalls} counts.
     */
    public long unmatchedReplies() {
        return unmatchedReplies.sum();
    }

    /**
     * Replies with a pending (or lately timed-out) call's processId but from another product or device than the one
     * called, or whose correlation data names another call.
     */
    public long misaddressedReplies() {
        return misaddressedReplies.sum();
    }

    /**
     * Messages on the reply subscription whose topic does not fit the reply template, and replies that are not the
     * UTF-8 text their MQTT 5 payload format indicator says (their call failed).
     */
    public long malformedReplies() {
        return malformedReplies.sum();
    }

    /** Replies larger than maxPayloadSize: dropped, their call failed. */
    public long oversizedReplies() {
        return oversizedReplies.sum();
    }

    /** Calls refused by maxPendingCalls or, with deviceBusyPolicy=Reject, maxConcurrentCallsPerDevice. */
    public long rejections() {
        return rejections.sum();
    }

    @Override
    public String toString() {
        return "calls=" + calls() + ", replies=" + replies() + ", timeouts=" + timeouts() + ", failures=" + failures()
               + ", unmatchedReplies=" + unmatchedReplies()
               + ", misaddressedReplies=" + misaddressedReplies()
               + ", malformedReplies=" + malformedReplies() + ", oversizedReplies=" + oversizedReplies()
               + ", rejections=" + rejections();
    }
}
