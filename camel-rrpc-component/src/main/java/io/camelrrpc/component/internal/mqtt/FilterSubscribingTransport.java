package io.camelrrpc.component.internal.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both transports do alike: their subscriptions, kept in one {@link FilterSubscriptions}, their connection
 * listeners, and their count of oversized messages. A transport supplies its client's SUBSCRIBE and UNSUBSCRIBE
 * packets ({@link #sendSubscribe}, {@link #sendUnsubscribe}) and how it explains its client's failures
 * ({@link #explain}).
 */
public abstract class FilterSubscribingTransport extends ServiceSupport implements MqttTransport {

    protected final ConnectionSettings settings;
    protected final FilterSubscriptions subscriptions = new FilterSubscriptions(new Packets(), this::isConnected,
            filter -> subscribeFailure(filter, MqttConnectionException.SUBSCRIBE_REFUSED));
    /** Logs under the transport's own class name. */
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong oversizedMessages = new AtomicLong();
    /** Notified by {@link #signalConnected}. */
    private final Object connectedSignal = new Object();

    protected FilterSubscribingTransport(ConnectionSettings settings) {
        this.settings = settings;
    }

    /**
     * Sends one SUBSCRIBE through the client ({@link FilterSubscriptions.Packets#subscribe}): tells its outcome once,
     * on any thread, and never throws.
     */
    protected abstract void sendSubscribe(String[] filters, int[] qos, BiConsumer<boolean[], Throwable> done);

    /** Sends one UNSUBSCRIBE through the client ({@link FilterSubscriptions.Packets#unsubscribe}); never throws. */
    protected abstract void sendUnsubscribe(String[] filters, Consumer<Throwable> done);

    /** Why the client failed, in words for an exception message. */
    protected abstract String explain(Throwable failure);

    /**
     * Whether the client's own failure of a SUBSCRIBE means the connection was lost or down (besides a
     * {@link ConnectionDownException}): {@link #subscribe} then tries again once the client has reconnected.
     */
    protected boolean isConnectionLoss(Throwable failure) {
        return false;
    }

    /** The transport's client is connected (again): wakes subscribes waiting to try again. */
    protected void signalConnected() {
        synchronized (connectedSignal) {
            connectedSignal.notifyAll();
        }
    }

    /**
     * Whether {@link #subscribe} tries again after this failure: when the connection was lost while the SUBSCRIBE was
     * in flight (some brokers, e.g. Moquette 0.17, drop a client that subscribes right after connecting) and the client
     * reconnects before the deadline.
     */
    private boolean retryAfter(Throwable failure, long deadlineNanos) throws InterruptedException {
        return settings.automaticReconnect()
               && (failure instanceof ConnectionDownException || isConnectionLoss(failure))
               && awaitConnected(deadlineNanos);
    }

    /** Waits until the client is connected again, or the deadline passes. */
    private boolean awaitConnected(long deadlineNanos) throws InterruptedException {
        synchronized (connectedSignal) {
            while (!isConnected()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(connectedSignal, left);
            }
        }
        return true;
    }

    @Override
    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public boolean isHealthy() {
        return isConnected() && subscriptions.allRestored();
    }

    @Override
    public void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    /**
     * Tells every listener on this thread; one that throws is logged (on a client's
     * thread it could drop the connection).
     */
    protected void tellEachListener(Consumer<ConnectionListener> event) {
        for (ConnectionListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Connection listener failed: {}", e.getMessage(), e);
            }
        }
    }

    /** How long to wait for the broker: the connection timeout and a second more. */
    protected long waitMillis() {
        return Math.max(1, settings.connectionTimeout()) * 1000L + 1000L;
    }

    /**
     * Subscribes and waits for the broker's answer, so that a caller that returns has a working subscription.
     *
     * @throws MqttConnectionException when the broker refuses or does not answer in time
     */
    @Override
    public Subscription subscribe(Subscription subscription) throws MqttConnectionException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis());
        while (true) {
            Throwable failure;
            try {
                failure = subscriptions.subscribeAndWait(subscription, deadline);
            } catch (TimeoutException e) {
                throw subscribeFailure(subscription.brokerFilter(), MqttConnectionException.SUBSCRIBE_UNANSWERED);
            }
            if (failure == null) {
                return subscription;
            }
            if (!retryAfter(failure, deadline)) {
                throw subscribeFailure(subscription, failure);
            }
            log.debug("Subscribing to {} again after a reconnect", subscription.brokerFilter());
        }
    }

    /**
     * Subscribes without blocking; messages are delivered from when the broker has answered. A filter already granted
     * is not subscribed again; one being unsubscribed is subscribed again once the broker has answered that.
     *
     * @param done told once: {@code null} when the subscription is in place, else why it failed (the subscription is
     *             then removed)
     */
    @Override
    public void subscribeAsync(Subscription subscription, PublishCallback done) {
        subscriptions.subscribe(subscription,
                failure -> done.completed(failure == null ? null : subscribeFailure(subscription, failure)));
    }

    /** Whether the broker has granted the subscription's filter on the current connection (e.g. again after a reconnect). */
    @Override
    public boolean isSubscribed(Subscription subscription) {
        return subscriptions.isGranted(subscription);
    }

    private MqttConnectionException subscribeFailure(Subscription subscription, Throwable failure) {
        Throwable clientFailure = failure instanceof ConnectionDownException down ? down.clientFailure() : failure;
        return clientFailure instanceof MqttConnectionException known ? known
                : subscribeFailure(subscription.brokerFilter(), explain(clientFailure));
    }

    private MqttConnectionException subscribeFailure(String brokerFilter, String reason) {
        return new MqttConnectionException(
                "Cannot subscribe to '" + brokerFilter + "' on " + settings.describe() + ": " + reason);
    }

    /**
     * Stops delivering a subscription's messages and unsubscribes when no one else uses its filter (after the
     * broker has answered any operation on that filter in flight).
     */
    @Override
    public void unsubscribe(Subscription subscription) {
        subscriptions.unsubscribe(subscription);
    }

    /** Many filters per UNSUBSCRIBE packet. */
    @Override
    public void unsubscribeAll(List<Subscription> unwanted) {
        subscriptions.unsubscribeAll(unwanted);
    }

    /** For tests: runs on the thread that is about to send an UNSUBSCRIBE, with each of its filters. */
    public void beforeUnsubscribe(Consumer<String> hook) {
        subscriptions.beforeUnsubscribe(hook);
    }

    /** Counts a message skipped for its size, logs the first of every power of two, and tells its subscriptions. */
    protected void oversized(String topic, int payloadBytes, int limit) {
        long count = oversizedMessages.incrementAndGet();
        if (Long.bitCount(count) == 1) {
            log.warn("Skipped a message of {} bytes to '{}', over the largest payload accepted ({} bytes); {} so far on {}",
                    payloadBytes, topic, limit, count, settings.describe());
        }
        subscriptions.reportOversized(topic, payloadBytes);
    }

    /** Messages skipped because their payload was over every limit of this connection's endpoints. */
    @Override
    public long oversizedMessages() {
        return oversizedMessages.get();
    }

    /** The packets of {@link #subscriptions}, through the transport's client. */
    private final class Packets implements FilterSubscriptions.Packets {
        @Override
        public void subscribe(String[] filters, int[] qos, BiConsumer<boolean[], Throwable> done) {
            sendSubscribe(filters, qos, done);
        }

        @Override
        public void unsubscribe(String[] filters, Consumer<Throwable> done) {
            sendUnsubscribe(filters, done);
        }
    }
}
