package io.camelrrpc.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls from one node to devices that answer {@code <deviceName>:<request>} (see {@link RrpcNode#echoingDevices})
 * until {@link #stop()}: either a number of calls kept in flight (each completed call starts the next), or one call
 * every interval whatever became of the others. Records every call, to tell when calls went right again after a
 * broker died and how those in flight ended.
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

        /** Whether it was in flight at some moment between these two. */
        boolean inFlightDuring(long fromNanos, long toNanos) {
            return startedNanos < toNanos && completedNanos > fromNanos;
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
    /** The calls in flight, and this object until {@link #stop()}. */
    private final Phaser inFlight = new Phaser(1);
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "steady-calls-pacer");
        // a test that fails before stop() must not keep the JVM alive
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;

    private SteadyCalls(RrpcNode node, String uri) {
        this.node = node;
        this.uri = uri;
    }

    /** Starts {@code inFlight} calls through {@code uri} (a route to an rrpc producer) and keeps them going. */
    static SteadyCalls start(RrpcNode node, String uri, int inFlight) {
        SteadyCalls load = new SteadyCalls(node, uri);
        for (int i = 0; i < inFlight; i++) {
            load.call(true);
        }
        return load;
    }

    /** Starts a call through {@code uri} every {@code interval}, without waiting for the ones before. */
    static SteadyCalls paced(RrpcNode node, String uri, Duration interval) {
        SteadyCalls load = new SteadyCalls(node, uri);
        load.pacer.scheduleAtFixedRate(() -> load.call(false), 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return load;
    }

    private void call(boolean thenNext) {
        if (!running) {
            return;
        }
        inFlight.register();
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
            inFlight.arriveAndDeregister();
            if (thenNext) {
                call(true);
            }
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
        pacer.shutdown();
        assertThat(pacer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        try {
            inFlight.awaitAdvanceInterruptibly(inFlight.arriveAndDeregister(), 30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the last calls of " + node.context().getName() + " did not complete", e);
        }
        return List.copyOf(calls);
    }

    /** The first call started at or after {@code nanos} that went right. */
    Optional<Call> firstSuccessStartedAfter(long nanos) {
        return calls.stream().filter(call -> call.startedNanos() >= nanos && call.succeeded())
                .min((a, b) -> Long.compare(a.completedNanos(), b.completedNanos()));
    }
}
