package io.camelrrpc.component.internal.mqtt;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Our own flow control in front of the MQTT client: at most {@code capacity} publishes are handed to the client at
 * once (Paho fails the rest with "too many publishes in progress"); the others wait in a queue, without blocking
 * the caller, and go out as earlier ones complete.
 */
final class PublishWindow {

    /** One publish waiting for room. */
    @FunctionalInterface
    interface Send {
        /**
         * Hands the publish to the client.
         *
         * @return {@code true} if it is under way ({@link #release()} follows when it ends), {@code false} if it failed
         *         at once and holds no room
         */
        boolean start();
    }

    private final int capacity;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Send> waiting = new ConcurrentLinkedQueue<>();

    PublishWindow(int capacity) {
        this.capacity = capacity;
    }

    void submit(Send send) {
        waiting.add(send);
        drain();
    }

    /** A publish that {@link Send#start() started} has ended. */
    void release() {
        inFlight.decrementAndGet();
        drain();
    }

    int inFlight() {
        return inFlight.get();
    }

    int waiting() {
        return waiting.size();
    }

    private void drain() {
        while (!waiting.isEmpty()) {
            int current = inFlight.get();
            if (current >= capacity) {
                return;
            }
            if (!inFlight.compareAndSet(current, current + 1)) {
                continue;
            }
            Send next = waiting.poll();
            if (next == null || !next.start()) {
                inFlight.decrementAndGet();
            }
        }
    }
}
