package io.camelrrpc.component.internal.late;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.camelrrpc.component.spi.ReplyDropReason;
import io.camelrrpc.component.spi.RrpcAddress;

/**
 * Remembers calls that ended lately, to tell what a reply that no pending call waits for is: late (its call timed out
 * at most its producer's lateReplyWindow ago; handed to the producer's {@link LateReplies}), duplicate (its call was
 * answered already) or unmatched. Memory is bounded: at most {@value #TIMED_OUT_CAPACITY} timed-out calls (the oldest
 * are forgotten first, and each after its window), and the processIds of recently answered calls in
 * {@value #ANSWERED_SLOTS} slots (a newer id may take an older one's slot, so a duplicate of an older answer counts as
 * unmatched).
 */
public final class RecentCalls {

    /** Most timed-out calls remembered at once. */
    public static final int TIMED_OUT_CAPACITY = 10_000;
    static final int ANSWERED_SLOTS = 4096;
    private static final int ANSWERED_SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(ANSWERED_SLOTS);

    private record TimedOut(RrpcAddress address, long timeoutMillis, long atNanos, LateReplies lateReplies) {

        boolean lateAt(long nowNanos) {
            return nowNanos - atNanos <= TimeUnit.MILLISECONDS.toNanos(lateReplies.windowMillis());
        }
    }

    private final Executor deliveries;
    private final LongSupplier nanoClock;
    private final Map<String, TimedOut> timedOut = new ConcurrentHashMap<>();
    /** Every remembered timeout in the order they happened; guarded by itself. */
    private final ArrayDeque<TimedOut> timeoutOrder = new ArrayDeque<>();
    private final AtomicReferenceArray<String> answered = new AtomicReferenceArray<>(ANSWERED_SLOTS);
    private final LongAdder lateReplies = new LongAdder();
    private final LongAdder duplicateReplies = new LongAdder();

    /**
     * @param deliveries where late replies are handed to their producer's target
     * @param nanoClock  {@link System#nanoTime()}, or a test's clock
     */
    public RecentCalls(Executor deliveries, LongSupplier nanoClock) {
        this.deliveries = deliveries;
        this.nanoClock = nanoClock;
    }

    /** A call timed out: a reply to it within its window is late. */
    public void timedOut(RrpcAddress address, long timeoutMillis, LateReplies lateReplies) {
        long now = nanoClock.getAsLong();
        TimedOut call = new TimedOut(address, timeoutMillis, now, lateReplies);
        timedOut.put(address.processId(), call);
        synchronized (timeoutOrder) {
            timeoutOrder.addLast(call);
            TimedOut oldest;
            while ((oldest = timeoutOrder.peekFirst()) != null
                   && (timeoutOrder.size() > TIMED_OUT_CAPACITY || !oldest.lateAt(now))) {
                timeoutOrder.removeFirst();
                timedOut.remove(oldest.address().processId(), oldest);
            }
        }
    }

    /** A call was answered: a second reply to it is a duplicate. */
    public void answered(String processId) {
        answered.lazySet(slot(processId), processId);
    }

    /**
     * Tells why a reply that no pending call waits for is dropped, and hands a late one to its producer's target.
     *
     * @return {@link ReplyDropReason#LATE}, {@link ReplyDropReason#MISADDRESSED} (a timed-out call's processId from
     *         another device), {@link ReplyDropReason#DUPLICATE} or {@link ReplyDropReason#UNMATCHED}
     */
    public ReplyDropReason dropped(RrpcAddress reply, byte[] payload) {
        String processId = reply.processId();
        TimedOut call = timedOut.get(processId);
        if (call != null && !call.address().equals(reply)) {
            return ReplyDropReason.MISADDRESSED;
        }
        long now = nanoClock.getAsLong();
        if (call != null && call.lateAt(now) && timedOut.remove(processId, call)) {
            answered(processId);
            lateReplies.increment();
            if (call.lateReplies().target() != null) {
                LateReply late = new LateReply(reply, payload, call.timeoutMillis(),
                        TimeUnit.NANOSECONDS.toMillis(now - call.atNanos()));
                deliveries.execute(() -> call.lateReplies().target().accept(late));
            }
            return ReplyDropReason.LATE;
        }
        if (processId.equals(answered.get(slot(processId)))) {
            duplicateReplies.increment();
            return ReplyDropReason.DUPLICATE;
        }
        return ReplyDropReason.UNMATCHED;
    }

    /** Replies that came within their window after their call timed out. */
    public long lateReplies() {
        return lateReplies.sum();
    }

    /** Replies to calls answered already. */
    public long duplicateReplies() {
        return duplicateReplies.sum();
    }

    /** Timed-out calls remembered now. */
    public int timedOutCalls() {
        return timedOut.size();
    }

    private static int slot(String processId) {
        return (processId.hashCode() * 0x9E3779B9) >>> ANSWERED_SHIFT;
    }
}
