package io.camelrrpc.component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps a number of calls in flight from one node to devices that answer {@code <deviceName>:<request>} (see
 * {@link RrpcNode#echoingDevices}): each completed call starts the next until {@link #stop()}. Records every call,
 * to tell when calls went right again after a broker died and how those in flight ended.
 */
final class SteadyCalls {

    /**
     * One finished call.
     *
     * @param startedNanos   {@link System#nanoTime()} when it was sent
     * @param completedNanos when it completed
     * @param failure        why it failed, or {@code null}
     * @param right          whether it got the answer to its own request
     */
    record Call(long startedNanos, long completedNanos, Exception failure, boolean right) {

        boolean succeeded() {
            return failure == null && right;
        }

        boolean inFlightAt(long nanos) {
            return startedNanos < nanos && completedNanos > nanos;
        }

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(completedNanos - startedNanos);
        }
    }

    private static final int DEVICES = 8;

    private final RrpcNode node;
    private final String uri;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger successes = new AtomicInteger();
    private final CountDownLatch stopped;
    private volatile boolean running = true;

    private SteadyCalls(RrpcNode node, String uri, int inFlight) {
        this.node = node;
        this.uri = uri;
        this.stopped = new CountDownLatch(inFlight);
    }

    /** Starts {@code inFlight} calls through {@code uri} (a route to an rrpc producer) and keeps them going. */
    static SteadyCalls start(RrpcNode node, String uri, int inFlight) {
        SteadyCalls load = new SteadyCalls(node, uri, inFlight);
        for (int i = 0; i < inFlight; i++) {
            load.next();
        }
        return load;
    }

    private void next() {
        if (!running) {
            stopped.countDown();
            return;
        }
        long number = sequence.incrementAndGet();
        String request = node.context().getName() + "-" + number;
        String device = "dev" + number % DEVICES;
        long started = System.nanoTime();
        node.asyncRequest(uri, request, Map.of(RrpcConstants.DEVICE_NAME, device)).whenComplete((exchange, error) -> {
            long completed = System.nanoTime();
            Exception failure = exchange != null ? exchange.getException() : new IllegalStateException(error);
            boolean right = failure == null && (device + ":" + request).equals(reply(exchange));
            calls.add(new Call(started, completed, failure, right));
            if (failure == null && right) {
                successes.incrementAndGet();
            }
            next();
        });
    }

    private static String reply(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    /** Calls that went right so far. */
    int successes() {
        return successes.get();
    }

    /** Stops sending and waits until the calls in flight have completed. */
    List<Call> stop() throws InterruptedException {
        running = false;
        assertThat(stopped.await(30, TimeUnit.SECONDS)).as("the last calls of %s completed", node.context().getName())
                .isTrue();
        return List.copyOf(calls);
    }

    /** The first call started at or after {@code nanos} that went right. */
    Optional<Call> firstSuccessStartedAfter(long nanos) {
        return calls.stream().filter(call -> call.startedNanos() >= nanos && call.succeeded())
                .min((a, b) -> Long.compare(a.completedNanos(), b.completedNanos()));
    }
}
