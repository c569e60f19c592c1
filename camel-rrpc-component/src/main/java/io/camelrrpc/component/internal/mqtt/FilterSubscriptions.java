package io.camelrrpc.component.internal.mqtt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The subscriptions of one connection, as the broker sees them: one state per broker filter, with the subscriptions
 * using it (counted), whether the broker has granted it on the current connection, and at most one SUBSCRIBE or
 * UNSUBSCRIBE of it in flight. What happens meanwhile waits for that operation's answer: a filter released while its
 * SUBSCRIBE is in flight is unsubscribed after the SUBACK, and one used again while its UNSUBSCRIBE is in flight is
 * subscribed again after the UNSUBACK. So the broker gets the operations on a filter in the order they were decided,
 * and a late UNSUBSCRIBE never undoes a newer SUBSCRIBE.
 * <p>
 * After a reconnect, {@link #restore()} subscribes every filter in use again, many filters per SUBSCRIBE packet.
 * Answers to operations sent before a connection was lost are ignored: {@link #connectionLost} settled them.
 * Packets are sent outside this object's lock; outcomes are told outside it too.
 */
final class FilterSubscriptions {

    /** Sends the packets; each call tells its outcome once, on any thread, and never throws. */
    interface Packets {
        /**
         * Sends one SUBSCRIBE.
         *
         * @param done gets, per filter, whether the broker granted it, or {@code null} and why the packet failed
         */
        void subscribe(String[] filters, int[] qos, BiConsumer<boolean[], Throwable> done);

        /** Sends one UNSUBSCRIBE. @param done gets {@code null}, or why it failed */
        void unsubscribe(String filter, Consumer<Throwable> done);
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

    private final SubscriptionTable table = new SubscriptionTable();
    /** Changed under this object's lock; read without it by {@link #isGranted}, once per call. */
    private final Map<String, Filter> filters = new ConcurrentHashMap<>();
    private final Packets packets;
    private final BooleanSupplier connected;
    private final Function<String, Exception> refusal;
    /** Counts lost connections: answers to packets sent on an earlier connection are ignored. */
    private long connection;

    /**
     * @param connected whether the connection is up (a filter released while it is down needs no UNSUBSCRIBE)
     * @param refusal   the failure told to subscriptions whose filter the broker refused
     */
    FilterSubscriptions(Packets packets, BooleanSupplier connected, Function<String, Exception> refusal) {
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
    void subscribe(Subscription subscription, Consumer<Throwable> done) {
        Runnable send;
        synchronized (this) {
            table.add(subscription);
            Filter filter = filters.computeIfAbsent(subscription.brokerFilter(), Filter::new);
            filter.users.add(subscription);
            filter.qos = Math.max(filter.qos, subscription.qos());
            if (filter.grantedAsWanted() && filter.inFlight == null) {
                send = () -> done.accept(null);
            } else {
                filter.waiting.add(new Waiter(subscription, done));
                send = filter.inFlight == null ? startSubscribe(List.of(filter)) : null;
            }
        }
        run(send);
    }

    /**
     * Stops delivering to the subscription. When no other subscription uses its filter, the filter is unsubscribed,
     * after the operation in flight on it, if any. A subscription still waiting for its filter is told it failed.
     */
    void unsubscribe(Subscription subscription) {
        Runnable send;
        List<Outcome> outcomes = new ArrayList<>(1);
        synchronized (this) {
            table.remove(subscription);
            Filter filter = filters.get(subscription.brokerFilter());
            if (filter == null || !filter.removeUser(subscription)) {
                return;
            }
            for (Iterator<Waiter> it = filter.waiting.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.subscription() == subscription) {
                    it.remove();
                    outcomes.add(new Outcome(waiter, new IllegalStateException(
                            "unsubscribed from '" + filter.name + "' before the broker granted it")));
                }
            }
            send = filter.inFlight == null ? settle(filter) : null;
        }
        outcomes.forEach(Outcome::tell);
        run(send);
    }

    /** Whether the broker has granted the subscription's filter on the current connection. */
    boolean isGranted(Subscription subscription) {
        Filter filter = filters.get(subscription.brokerFilter());
        return filter != null && filter.granted;
    }

    /** Whether every filter granted before the connection was lost is granted again. */
    synchronized boolean allRestored() {
        return filters.values().stream().noneMatch(filter -> filter.established && !filter.granted);
    }

    /** Filters in use. */
    synchronized int size() {
        return filters.size();
    }

    /**
     * The connection dropped: the broker forgot every filter (clean session), operations in flight will never be
     * answered, and subscriptions waiting for their first grant are told the failure and removed. The filters of the
     * others are made again by {@link #restore()}.
     */
    void connectionLost(Throwable failure) {
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
                    outcomes.add(new Outcome(waiter, failure));
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
     * Subscribes again every filter in use that the broker has not granted on this connection, many per packet
     * ({@link SubscribeBatches}), all packets at once.
     *
     * @return completes once every packet was answered, with what was sent and what failed
     */
    CompletableFuture<Restoration> restore() {
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
    record Restoration(int filters, int packets, List<String> failed, boolean superseded) {
    }

    /** Calls the action for every subscription whose filter matches the topic. */
    void forEachMatch(String topic, Consumer<Subscription> action) {
        table.forEachMatch(topic, action);
    }

    /** Forgets everything, e.g. when the connection closes; answers still to come are ignored. */
    synchronized void clear() {
        connection++;
        filters.clear();
        table.clear();
    }

    /** Marks the filters' SUBSCRIBE in flight; run the result outside the lock to send it. */
    private Runnable startSubscribe(List<Filter> batch) {
        batch.forEach(filter -> {
            filter.inFlight = Operation.SUBSCRIBE;
            filter.requestedQos = filter.qos;
        });
        long current = connection;
        return () -> sendSubscribe(batch, current, failed -> {
        });
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
        List<Outcome> outcomes = new ArrayList<>();
        List<Runnable> sends = new ArrayList<>();
        synchronized (this) {
            if (sentOn != connection) {
                return null;
            }
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
                    outcomes.add(new Outcome(waiter, outcome));
                }
                filter.waiting.clear();
                if (!ok) {
                    notGranted.add(filter.name);
                }
                sends.add(settle(filter));
            }
        }
        outcomes.forEach(Outcome::tell);
        sends.forEach(FilterSubscriptions::run);
        return notGranted;
    }

    private void unsubscribed(Filter filter, long sentOn) {
        Runnable send;
        synchronized (this) {
            if (sentOn != connection) {
                return;
            }
            filter.inFlight = null;
            filter.granted = false;
            filter.established = false;
            send = settle(filter);
        }
        run(send);
    }

    /**
     * Brings a filter with no operation in flight in line with its users; under the lock.
     *
     * @return the packet to send outside the lock, or {@code null}
     */
    private Runnable settle(Filter filter) {
        if (!filter.users.isEmpty()) {
            return !filter.grantedAsWanted() && !filter.waiting.isEmpty() ? startSubscribe(List.of(filter)) : null;
        }
        if (filter.granted && connected.getAsBoolean()) {
            filter.inFlight = Operation.UNSUBSCRIBE;
            long current = connection;
            return () -> packets.unsubscribe(filter.name, failure -> unsubscribed(filter, current));
        }
        filters.remove(filter.name, filter);
        return null;
    }

    private static void run(Runnable send) {
        if (send != null) {
            send.run();
        }
    }
}
