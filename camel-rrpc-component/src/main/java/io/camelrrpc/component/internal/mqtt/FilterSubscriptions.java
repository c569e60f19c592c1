package io.camelrrpc.component.internal.mqtt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions of one connection, whatever MQTT client carries it (each transport supplies only its client calls,
 * {@link Packets}), as the broker sees them: one state per broker filter, with the subscriptions using it, whether the
 * broker has granted it on the current connection, and at most one SUBSCRIBE or UNSUBSCRIBE of it in flight. What
 * happens meanwhile waits for that operation's answer: a filter released while its SUBSCRIBE is in flight is
 * unsubscribed after the SUBACK, and one used again while its UNSUBSCRIBE is in flight is subscribed again after the
 * UNSUBACK. So the broker gets the operations on a filter in the order they were decided, and a late UNSUBSCRIBE never
 * undoes a newer SUBSCRIBE. Whether a filter is still used is one map look-up: thousands of per-device filters cost
 * nothing per subscribe or unsubscribe.
 * <p>
 * Filters decided together go many per packet ({@link SubscribeBatches}). After a reconnect, {@link #restore()}
 * subscribes every filter in use again, many filters per SUBSCRIBE packet. Answers to operations sent before a
 * connection was lost are ignored: {@link #connectionLost} settled them. Packets are sent outside this object's lock;
 * outcomes are told outside it too.
 */
public final class FilterSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(FilterSubscriptions.class);

    /** Sends the packets; each call tells its outcome once, on any thread, and never throws. */
    public interface Packets {
        /**
         * Sends one SUBSCRIBE.
         *
         * @param done gets, per filter, whether the broker granted it, or {@code null} and why the packet failed
         */
        void subscribe(String[] filters, int[] qos, BiConsumer<boolean[], Throwable> done);

        /** Sends one UNSUBSCRIBE with all these filters. @param done gets {@code null}, or why it failed */
        void unsubscribe(String[] filters, Consumer<Throwable> done);
    }

    /** A subscription waiting for the broker to grant its filter, and whom to tell. */
    private record Waiter(Subscription subscription, Consumer<Throwable> done) {
    }

    private enum Operation {
        SUBSCRIBE,
        UNSUBSCRIBE
    }

    /** One broker filter; changed under the enclosing object's lock ({@link #granted} is read without it). */
    private static final class Filter {
        final String name;
        final List<Subscription> users = new ArrayList<>();
        final List<Waiter> waiting = new ArrayList<>();
        /** The highest QoS its users asked for. */
        int qos;
        /** The QoS of the last SUBSCRIBE sent. */
        int requestedQos;
        /** The broker granted it on the current connection, at {@link #grantedQos}. */
        volatile boolean granted;
        int grantedQos;
        /** Granted once for its current users: to be made again after a reconnect. */
        boolean established;
        Operation inFlight;

        Filter(String name) {
            this.name = name;
        }

        /** Granted, at a QoS at least as high as every user asked for. */
        boolean grantedAsWanted() {
            return granted && grantedQos >= qos;
        }

        boolean removeUser(Subscription subscription) {
            boolean removed = users.removeIf(user -> user == subscription);
            qos = users.stream().mapToInt(Subscription::qos).max().orElse(0);
            return removed;
        }
    }

    /** Tells a waiter its outcome, outside the lock. */
    private record Outcome(Waiter waiter, Throwable failure) {
        void tell() {
            waiter.done().accept(failure);
        }
    }

    /**
     * What was decided under the lock, to be done after it: outcomes to tell, then packets to send, for the connection
     * that was current when they were decided.
     */
    private final class Outbox {
        private final long sentOn = connection;
        private final List<Outcome> outcomes = new ArrayList<>();
        private final List<Filter> subscribes = new ArrayList<>();
        private final List<Filter> unsubscribes = new ArrayList<>();

        void tell(Waiter waiter, Throwable failure) {
            outcomes.add(new Outcome(waiter, failure));
        }

        /** Marks the filter's SUBSCRIBE in flight. */
        void subscribe(Filter filter) {
            filter.inFlight = Operation.SUBSCRIBE;
            filter.requestedQos = filter.qos;
            subscribes.add(filter);
        }

        /** Marks the filter's UNSUBSCRIBE in flight. */
        void unsubscribe(Filter filter) {
            filter.inFlight = Operation.UNSUBSCRIBE;
            unsubscribes.add(filter);
        }

        /** Outside the lock. */
        void send() {
            outcomes.forEach(Outcome::tell);
            for (List<Filter> batch : SubscribeBatches.split(subscribes, filter -> filter.name)) {
                sendSubscribe(batch, sentOn, notGranted -> {
                });
            }
            for (List<Filter> batch : SubscribeBatches.split(unsubscribes, filter -> filter.name)) {
                String[] names = batch.stream().map(filter -> filter.name).toArray(String[]::new);
                for (String name : names) {
                    beforeUnsubscribe.accept(name);
                }
                packets.unsubscribe(names, failure -> unsubscribed(batch, sentOn));
            }
        }
    }

    private final SubscriptionTable table = new SubscriptionTable();
    /** Changed under this object's lock; read without it by {@link #isGranted}, once per call. */
    private final Map<String, Filter> filters = new ConcurrentHashMap<>();
    private final Packets packets;
    private final BooleanSupplier connected;
    private final Function<String, Exception> refusal;
    /** Counts lost connections: answers to packets sent on an earlier connection are ignored. */
    private long connection;
    private volatile Consumer<String> beforeUnsubscribe = filter -> { };

    /**
     * @param connected whether the connection is up (a filter released while it is down needs no UNSUBSCRIBE)
     * @param refusal   the failure told to subscriptions whose filter the broker refused
     */
    public FilterSubscriptions(Packets packets, BooleanSupplier connected, Function<String, Exception> refusal) {
        this.packets = packets;
        this.connected = connected;
        this.refusal = refusal;
    }

    /**
     * Delivers the filter's messages to the subscription from now on, and subscribes the filter unless the broker
     * has granted it already.
     *
     * @param done told once: {@code null} when the broker has granted the filter, else why not (the subscription is
     *             then removed)
     */
    public void subscribe(Subscription subscription, Consumer<Throwable> done) {
        Outbox outbox;
        synchronized (this) {
            outbox = new Outbox();
            add(subscription, done, outbox);
        }
        outbox.send();
    }

    /**
     * {@link #subscribe}, then waits for the broker's answer until the deadline.
     *
     * @return {@code null} when the broker has granted the filter, else why not (the subscription is then removed)
     * @throws TimeoutException when no answer came in time (the subscription is then removed)
     */
    public Throwable subscribeAndWait(Subscription subscription, long deadlineNanos)
            throws InterruptedException, TimeoutException {
        CompletableFuture<Throwable> answer = new CompletableFuture<>();
        subscribe(subscription, answer::complete);
        try {
            return answer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            unsubscribe(subscription);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // never: the answer is a value
        }
    }

    /** Under the lock. */
    private void add(Subscription subscription, Consumer<Throwable> done, Outbox outbox) {
        table.add(subscription);
        Filter filter = filters.computeIfAbsent(subscription.brokerFilter(), Filter::new);
        filter.users.add(subscription);
        filter.qos = Math.max(filter.qos, subscription.qos());
        Waiter waiter = new Waiter(subscription, done);
        if (filter.grantedAsWanted() && filter.inFlight == null) {
            outbox.tell(waiter, null);
        } else {
            filter.waiting.add(waiter);
            if (filter.inFlight == null) {
                outbox.subscribe(filter);
            }
        }
    }

    /**
     * Stops delivering to the subscription. When no other subscription uses its filter, the filter is unsubscribed,
     * after the operation in flight on it, if any. A subscription still waiting for its filter is told it failed.
     */
    public void unsubscribe(Subscription subscription) {
        unsubscribeAll(List.of(subscription));
    }

    /** {@link #unsubscribe} for many: the filters no longer used go in as few UNSUBSCRIBE packets as possible. */
    public void unsubscribeAll(List<Subscription> subscriptions) {
        Outbox outbox;
        synchronized (this) {
            outbox = new Outbox();
            for (Subscription subscription : subscriptions) {
                remove(subscription, outbox);
            }
        }
        outbox.send();
    }

    /** Under the lock. */
    private void remove(Subscription subscription, Outbox outbox) {
        table.remove(subscription);
        Filter filter = filters.get(subscription.brokerFilter());
        if (filter == null || !filter.removeUser(subscription)) {
            return;
        }
        for (Iterator<Waiter> it = filter.waiting.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.subscription() == subscription) {
                it.remove();
                outbox.tell(waiter, new IllegalStateException(
                        "unsubscribed from '" + filter.name + "' before the broker granted it"));
            }
        }
        if (filter.inFlight == null) {
            settle(filter, outbox);
        }
    }

    /** Whether the broker has granted the subscription's filter on the current connection. */
    public boolean isGranted(Subscription subscription) {
        Filter filter = filters.get(subscription.brokerFilter());
        return filter != null && filter.granted;
    }

    /** Whether every filter granted before the connection was lost is granted again. */
    public synchronized boolean allRestored() {
        return filters.values().stream().noneMatch(filter -> filter.established && !filter.granted);
    }

    /** Filters in use. */
    synchronized int size() {
        return filters.size();
    }

    /** For tests: runs on the thread that is about to send an UNSUBSCRIBE, with each of its filters. */
    public void beforeUnsubscribe(Consumer<String> hook) {
        beforeUnsubscribe = hook;
    }

    /**
     * The connection dropped: the broker forgets every filter (unless it keeps the session: {@link #sessionResumed}),
     * operations in flight will never be answered, and subscriptions waiting for their first grant are told the
     * failure (as a {@link ConnectionDownException}) and removed. The filters of the others are made again by {@link #restore()}.
     */
    public void connectionLost(Throwable failure) {
        ConnectionDownException told = new ConnectionDownException(failure.getMessage(), failure);
        List<Outcome> outcomes = new ArrayList<>();
        synchronized (this) {
            connection++;
            for (Iterator<Filter> it = filters.values().iterator(); it.hasNext(); ) {
                Filter filter = it.next();
                filter.granted = false;
                filter.inFlight = null;
                for (Waiter waiter : filter.waiting) {
                    table.remove(waiter.subscription());
                    filter.removeUser(waiter.subscription());
                    outcomes.add(new Outcome(waiter, told));
                }
                filter.waiting.clear();
                if (filter.users.isEmpty()) {
                    it.remove();
                }
            }
        }
        outcomes.forEach(Outcome::tell);
    }

    /**
     * The broker kept the session, and with it every filter it had granted: they are granted again without a
     * SUBSCRIBE.
     */
    public synchronized void sessionResumed() {
        for (Filter filter : filters.values()) {
            filter.granted |= filter.established;
        }
    }

    /**
     * Subscribes again every filter in use that the broker has not granted on this connection, many per packet
     * ({@link SubscribeBatches}), all packets at once.
     *
     * @return completes once every packet was answered, with what was sent and what failed
     */
    public CompletableFuture<Restoration> restore() {
        List<Filter> wanted = new ArrayList<>();
        long current;
        synchronized (this) {
            current = connection;
            for (Filter filter : filters.values()) {
                if (!filter.users.isEmpty() && !filter.granted && filter.inFlight == null) {
                    filter.inFlight = Operation.SUBSCRIBE;
                    filter.requestedQos = filter.qos;
                    wanted.add(filter);
                }
            }
        }
        List<List<Filter>> batches = SubscribeBatches.split(wanted, filter -> filter.name);
        List<CompletableFuture<List<String>>> answers = new ArrayList<>(batches.size());
        for (List<Filter> batch : batches) {
            CompletableFuture<List<String>> answer = new CompletableFuture<>();
            answers.add(answer);
            sendSubscribe(batch, current, answer::complete);
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<String> failed = new ArrayList<>();
            boolean superseded = false;
            for (CompletableFuture<List<String>> answer : answers) {
                List<String> notGranted = answer.join();
                superseded |= notGranted == null;
                if (notGranted != null) {
                    failed.addAll(notGranted);
                }
            }
            return new Restoration(wanted.size(), batches.size(), failed, superseded);
        });
    }

    /**
     * What a {@link #restore()} did.
     *
     * @param filters    the filters it subscribed
     * @param packets    the SUBSCRIBE packets it sent
     * @param failed     the filters not granted
     * @param superseded whether the connection was lost before every answer came (a new restore follows)
     */
    public record Restoration(int filters, int packets, List<String> failed, boolean superseded) {
    }

    /** Calls the action for every subscription whose filter matches the topic. */
    public void forEachMatch(String topic, Consumer<Subscription> action) {
        table.forEachMatch(topic, action);
    }

    /**
     * Tells every subscription whose filter matches the topic that a message to it was skipped as oversized; a
     * listener that throws is logged.
     */
    public void reportOversized(String topic, int payloadBytes) {
        table.forEachMatch(topic, subscription -> {
            try {
                subscription.listener().onOversized(topic, payloadBytes);
            } catch (RuntimeException e) {
                LOG.warn("Listener of {} failed on an oversized message to '{}': {}", subscription.filter(), topic,
                        e.getMessage(), e);
            }
        });
    }

    /** Forgets everything, e.g. when the connection closes; answers still to come are ignored. */
    public synchronized void clear() {
        connection++;
        filters.clear();
        table.clear();
    }

    private void sendSubscribe(List<Filter> batch, long sentOn, Consumer<List<String>> failed) {
        String[] names = new String[batch.size()];
        int[] qos = new int[batch.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = batch.get(i).name;
            qos[i] = batch.get(i).requestedQos;
        }
        packets.subscribe(names, qos, (granted, failure) -> failed.accept(subscribed(batch, sentOn, granted, failure)));
    }

    /** @return the filters not granted, or {@code null} when the answer came from a connection lost since */
    private List<String> subscribed(List<Filter> batch, long sentOn, boolean[] granted, Throwable failure) {
        List<String> notGranted = new ArrayList<>();
        Outbox outbox;
        synchronized (this) {
            if (sentOn != connection) {
                return null;
            }
            outbox = new Outbox();
            for (int i = 0; i < batch.size(); i++) {
                Filter filter = batch.get(i);
                filter.inFlight = null;
                boolean ok = failure == null && granted != null && i < granted.length && granted[i];
                if (ok) {
                    // a refused SUBSCRIBE of a filter granted before (a higher QoS) leaves it as it was
                    filter.granted = true;
                    filter.grantedQos = filter.requestedQos;
                    filter.established = true;
                }
                Throwable outcome = ok ? null : failure != null ? failure : refusal.apply(filter.name);
                for (Waiter waiter : filter.waiting) {
                    if (!ok) {
                        table.remove(waiter.subscription());
                        filter.removeUser(waiter.subscription());
                    }
                    outbox.tell(waiter, outcome);
                }
                filter.waiting.clear();
                if (!ok) {
                    notGranted.add(filter.name);
                }
                settle(filter, outbox);
            }
        }
        outbox.send();
        return notGranted;
    }

    private void unsubscribed(List<Filter> batch, long sentOn) {
        Outbox outbox;
        synchronized (this) {
            if (sentOn != connection) {
                return;
            }
            outbox = new Outbox();
            for (Filter filter : batch) {
                filter.inFlight = null;
                filter.granted = false;
                filter.established = false;
                settle(filter, outbox);
            }
        }
        outbox.send();
    }

    /** Brings a filter with no operation in flight in line with its users; under the lock. */
    private void settle(Filter filter, Outbox outbox) {
        if (!filter.users.isEmpty()) {
            if (!filter.grantedAsWanted() && !filter.waiting.isEmpty()) {
                outbox.subscribe(filter);
            }
        } else if (filter.granted && connected.getAsBoolean()) {
            outbox.unsubscribe(filter);
        } else {
            filters.remove(filter.name, filter);
        }
    }
}
