package io.camelrrpc.component.internal.mqtt.hivemq;

import java.util.function.DoubleSupplier;

/**
 * Which broker of its {@code brokerUrl} list one connection tries next, and after what pause. Each connection has
 * its own: nothing is shared between connections.
 * <p>
 * A failure (the connection dropped, or an attempt failed) moves on to the next broker of the list, round robin,
 * and it is tried at once; only when a whole round failed in a row (as many failures as the list has brokers, the
 * dropped connection counting as its broker's) comes a pause: about 1 s after the first round, then twice as long
 * after each further one, never more than {@code maxReconnectDelay}. Each pause is drawn at random between half and
 * all of that (jitter), so that the many clients that lost the same node do not come back in step. With a single
 * broker every failure ends a round: 1 s, 2 s, 4 s... as before lists existed.
 */
final class FailoverSchedule {

    static final long FIRST_PAUSE_MILLIS = 1000;
    /** Beyond this many rounds the pause no longer doubles (it reached any sane cap long before). */
    private static final int DOUBLINGS = 20;

    private final BrokerAddresses brokers;
    private final long maxPauseMillis;
    private final DoubleSupplier random;
    private int current;
    /** Failures since the connection was last up. */
    private int failures;
    private int lastConnected = -1;
    private long failovers;

    /**
     * @param maxPauseMillis the longest pause between rounds ({@code maxReconnectDelay})
     * @param random         a value in [0, 1) for each pause's jitter
     */
    FailoverSchedule(BrokerAddresses brokers, long maxPauseMillis, DoubleSupplier random) {
        this.brokers = brokers;
        this.maxPauseMillis = maxPauseMillis;
        this.random = random;
    }

    /** The broker the connection is on, or tries now. */
    synchronized BrokerAddress current() {
        return brokers.get(current);
    }

    /**
     * The connection is up on {@link #current()}.
     *
     * @return whether that is a failover: a connection on another broker than the one before
     */
    synchronized boolean connected() {
        boolean failover = lastConnected >= 0 && lastConnected != current;
        if (failover) {
            failovers++;
        }
        lastConnected = current;
        failures = 0;
        return failover;
    }

    /**
     * The connection to {@link #current()} dropped or could not be made: moves on to the next broker.
     *
     * @return how long to wait before trying it, in milliseconds: 0 within a round
     */
    synchronized long failed() {
        failures++;
        current = (current + 1) % brokers.size();
        if (failures % brokers.size() != 0) {
            return 0;
        }
        int rounds = failures / brokers.size();
        long pause = Math.min(maxPauseMillis, FIRST_PAUSE_MILLIS << Math.min(rounds - 1, DOUBLINGS));
        return pause / 2 + (long) (random.getAsDouble() * (pause - pause / 2));
    }

    /** Whether every broker failed since the connection was last up (or since the first attempt). */
    synchronized boolean roundFailed() {
        return failures >= brokers.size();
    }

    /** Connections made on another broker than the one before. */
    synchronized long failovers() {
        return failovers;
    }
}
