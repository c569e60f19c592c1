package io.camelrrpc.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a raw floor ({@link HiveMqFloor}) needs: a fixed-width id per call (16 digits, like the
 * component's processIds), the calls waiting for their reply by id, and their completion.
 */
abstract class RawFloor implements CallTarget {

    private static final long ID_BASE = 1_000_000_000_000_000L;

    private final ConcurrentHashMap<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final LongAdder strayReplies = new LongAdder();

    /** A call waiting for its reply. */
    record Waiting(int size, Done done) {
        /** Ends the call: ok if the reply has the request's size. */
        void replied(int replySize) {
            done.done(replySize == size);
        }
    }

    @Override
    public final void call(byte[] payload, long seq, Done done) {
        String id = Long.toString(ID_BASE + ids.getAndIncrement());
        waiting.put(id, new Waiting(payload.length, done));
        publishRequest(id, payload);
    }

    /** Publishes the request of call {@code id} without waiting; calls {@link #failed} if it cannot. */
    abstract void publishRequest(String id, byte[] payload);

    /** Ends call {@code id} as failed, unless it has ended already. */
    final void failed(String id) {
        Waiting call = waiting.remove(id);
        if (call != null) {
            call.done().done(false);
        }
    }

    /** @return the call a reply on {@code topic} answers, no longer waiting; null if none waits */
    final Waiting take(String topic) {
        Waiting call = waiting.remove(idOf(topic));
        if (call == null) {
            strayReplies.increment();
        }
        return call;
    }

    @Override
    public final long strayReplies() {
        return strayReplies.sum();
    }

    /** @return the last level of a topic: the call's id */
    static String idOf(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }
}
