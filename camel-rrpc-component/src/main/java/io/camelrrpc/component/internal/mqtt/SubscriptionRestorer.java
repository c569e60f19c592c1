package io.camelrrpc.component.internal.mqtt;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a connection's subscriptions again after a reconnect ({@link FilterSubscriptions#restore()}), whatever the
 * transport, and tells the connection's listeners. Filters the broker refuses are tried again, with growing pauses up
 * to {@code maxReconnectDelay}, while the connection stays up: a consumer must not stay deaf.
 */
public final class SubscriptionRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRestorer.class);
    private static final long FIRST_RETRY_DELAY_MILLIS = 1000;

    private final FilterSubscriptions subscriptions;
    private final MqttTransport connection;
    private final ScheduledExecutorService retries;
    private final BooleanSupplier up;
    private final Consumer<Consumer<ConnectionListener>> listeners;

    /**
     * @param connection the connection whose subscriptions these are: names its broker node in logs
     * @param retries   where refused filters are tried again
     * @param up        whether the connection is still up and started (else the next reconnect restores)
     * @param listeners tells the connection's listeners an event
     */
    public SubscriptionRestorer(FilterSubscriptions subscriptions, MqttTransport connection,
                                ScheduledExecutorService retries, BooleanSupplier up,
                                Consumer<Consumer<ConnectionListener>> listeners) {
        this.subscriptions = subscriptions;
        this.connection = connection;
        this.retries = retries;
        this.up = up;
        this.listeners = listeners;
    }

    /** Restores after the connection made at that {@link System#nanoTime()}; does not wait. */
    public void restore(long connectedAtNanos) {
        attempt(connectedAtNanos, 1);
    }

    private void attempt(long connectedAtNanos, int attempt) {
        subscriptions.restore().whenComplete((restored, failure) -> {
            if (failure != null || restored.superseded()) {
                return;
            }
            if (restored.failed().isEmpty()) {
                LOG.info("Reconnected to MQTT broker {}; subscriptions restored ({} filter(s) subscribed again in {}"
                         + " SUBSCRIBE packet(s)), {} ms after the connection was made", connection.currentBroker(),
                        restored.filters(), restored.packets(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectedAtNanos));
                listeners.accept(ConnectionListener::resubscribed);
                return;
            }
            if (!up.getAsBoolean()) {
                // the connection dropped meanwhile: the next reconnect restores them all
                return;
            }
            LOG.error("After reconnecting to {}: cannot subscribe to {} of {} filter(s) (attempt {}), e.g. '{}'",
                    connection.currentBroker(), restored.failed().size(), restored.filters(), attempt, restored.failed().get(0));
            MqttConnectionException refused = new MqttConnectionException("not granted by the broker");
            restored.failed().forEach(filter -> listeners.accept(listener -> listener.resubscribeFailed(filter, refused)));
            long delay = Math.min(connection.settings().maxReconnectDelay(), FIRST_RETRY_DELAY_MILLIS << Math.min(attempt, 10));
            retries.schedule(() -> attempt(connectedAtNanos, attempt + 1), delay, TimeUnit.MILLISECONDS);
        });
    }
}
