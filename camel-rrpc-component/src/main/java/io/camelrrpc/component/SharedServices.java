package io.camelrrpc.component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.Service;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Services shared by key and counted by user: the first {@link #acquire} creates and starts one, the last
 * {@link #release} stops it.
 */
final class SharedServices<K, V extends Service> {

    /** Creates a service for a key. */
    @FunctionalInterface
    interface Factory<K, V> {
        V create(K key) throws Exception;
    }

    private static final class Entry<V> {
        final V service;
        int users;

        Entry(V service) {
            this.service = service;
        }
    }

    private final Map<K, Entry<V>> entries = new HashMap<>();
    private final Consumer<V> onStarted;
    private final Consumer<V> onStopping;

    SharedServices() {
        this(service -> { }, service -> { });
    }

    /**
     * @param onStarted  told of each service once it has started, before it is handed out
     * @param onStopping told of each service before it stops
     */
    SharedServices(Consumer<V> onStarted, Consumer<V> onStopping) {
        this.onStarted = onStarted;
        this.onStopping = onStopping;
    }

    /** The started service for the key, created and started on first use. */
    synchronized V acquire(K key, Factory<K, V> factory) throws Exception {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
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
        entry.users++;
        return entry.service;
    }

    /** One user less; the last one stops the service. */
    synchronized void release(K key) {
        Entry<V> entry = entries.get(key);
        if (entry != null && --entry.users == 0) {
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
