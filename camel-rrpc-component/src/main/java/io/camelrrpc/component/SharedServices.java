package io.camelrrpc.component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.Service;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Services shared by key and counted by user: the first {@link #acquire} creates and starts one, the last
 * {@link #release} stops it. Users are named (e.g. by their endpoint) so that a conflict can say who is involved.
 */
final class SharedServices<K, V extends Service> {

    /** Creates a service for a key. */
    @FunctionalInterface
    interface Factory<K, V> {
        V create(K key) throws Exception;
    }

    /** Refuses a new key that cannot live next to one in use, by throwing. */
    @FunctionalInterface
    interface Conflicts<K> {
        void check(K existing, String existingUser, K wanted, String wantedUser);
    }

    private static final class Entry<V> {
        final V service;
        final List<String> users = new ArrayList<>(1);

        Entry(V service) {
            this.service = service;
        }
    }

    private final Map<K, Entry<V>> entries = new HashMap<>();
    private final Conflicts<K> conflicts;
    private final Consumer<V> onStarted;
    private final Consumer<V> onStopping;

    /**
     * @param conflicts  refuses keys that cannot live next to those in use
     * @param onStarted  told of each service once it has started, before it is handed out
     * @param onStopping told of each service before it stops
     */
    SharedServices(Conflicts<K> conflicts, Consumer<V> onStarted, Consumer<V> onStopping) {
        this.conflicts = conflicts;
        this.onStarted = onStarted;
        this.onStopping = onStopping;
    }

    SharedServices() {
        this((existing, existingUser, wanted, wantedUser) -> { }, service -> { }, service -> { });
    }

    /**
     * The started service for the key, created and started on first use, after checking it against those in use.
     *
     * @param user who uses it, for messages
     */
    synchronized V acquire(K key, String user, Factory<K, V> factory) throws Exception {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            entries.forEach((existing, other) -> conflicts.check(existing, other.users.get(0), key, user));
            V service = factory.create(key);
            try {
                ServiceHelper.startService(service);
            } catch (Exception e) {
                ServiceHelper.stopService(service);
                throw e;
            }
            entry = new Entry<>(service);
            entries.put(key, entry);
            onStarted.accept(service);
        }
        entry.users.add(user);
        return entry.service;
    }

    /** One user less; the last one stops the service. */
    synchronized void release(K key, String user) {
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.users.remove(user) && entry.users.isEmpty()) {
            entries.remove(key);
            onStopping.accept(entry.service);
            ServiceHelper.stopService(entry.service);
        }
    }

    /** The services in use now. */
    synchronized List<V> services() {
        return entries.values().stream().map(e -> e.service).toList();
    }

    /** The services in use now, by key. */
    synchronized Map<K, V> byKey() {
        Map<K, V> services = new HashMap<>();
        entries.forEach((key, entry) -> services.put(key, entry.service));
        return services;
    }
}
