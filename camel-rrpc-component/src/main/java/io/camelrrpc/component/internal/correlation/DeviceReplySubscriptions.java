package io.camelrrpc.component.internal.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.camelrrpc.component.internal.mqtt.MessageListener;
import io.camelrrpc.component.internal.mqtt.MqttTransport;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.component.internal.topic.TopicTemplate;

/**
 * Reply subscriptions made per device (the {@code PerDevice} mode): subscribed on the first call to a device, shared
 * by its calls, and dropped once unused for the linger time.
 */
final class DeviceReplySubscriptions {

    /** One device's subscription and the calls using it; users and idleSince change under the map's lock. */
    static final class Entry {
        final Subscription subscription;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        int users;
        long idleSinceNanos;

        Entry(Subscription subscription) {
            this.subscription = subscription;
        }
    }

    private final MqttTransport connection;
    private final TopicTemplate replies;
    private final int qos;
    private final MessageListener listener;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    DeviceReplySubscriptions(MqttTransport connection, TopicTemplate replies, int qos, MessageListener listener) {
        this.connection = connection;
        this.replies = replies;
        this.qos = qos;
        this.listener = listener;
    }

    /**
     * Takes a use of the device's subscription, subscribing on first use; wait for {@link Entry#ready} before
     * sending.
     *
     * @return the entry to {@link #release} when the call is over
     */
    Entry acquire(RrpcAddress address) {
        Entry[] created = new Entry[1];
        Entry entry = entries.compute(address.device(), (device, existing) -> {
            Entry current = existing;
            if (current == null) {
                current = new Entry(Subscription.of(replies.filter(address.productId(), address.deviceName()), qos, listener));
                created[0] = current;
            }
            current.users++;
            return current;
        });
        if (created[0] != null) {
            connection.subscribeAsync(entry.subscription, failure -> {
                if (failure == null) {
                    entry.ready.complete(null);
                } else {
                    entries.remove(address.device(), entry);
                    entry.ready.completeExceptionally(failure);
                }
            });
        }
        return entry;
    }

    /** A call that {@link #acquire acquired} the entry is over. */
    void release(RrpcAddress address, Entry entry) {
        entries.computeIfPresent(address.device(), (device, current) -> {
            if (current == entry && --current.users == 0) {
                current.idleSinceNanos = System.nanoTime();
            }
            return current;
        });
    }

    /** Unsubscribes from devices unused for longer than the linger time, many filters per UNSUBSCRIBE packet. */
    void expireIdle(long lingerNanos) {
        long now = System.nanoTime();
        List<Subscription> expiredSubscriptions = new ArrayList<>();
        for (Map.Entry<String, Entry> candidate : entries.entrySet()) {
            Entry entry = candidate.getValue();
            boolean[] expired = new boolean[1];
            entries.computeIfPresent(candidate.getKey(), (device, current) -> {
                expired[0] = current == entry && current.users == 0 && now - current.idleSinceNanos >= lingerNanos;
                return expired[0] ? null : current;
            });
            if (expired[0]) {
                expiredSubscriptions.add(entry.subscription);
            }
        }
        if (!expiredSubscriptions.isEmpty()) {
            connection.unsubscribeAll(expiredSubscriptions);
        }
    }

    /** Devices subscribed to now. */
    int size() {
        return entries.size();
    }

    void clear() {
        connection.unsubscribeAll(entries.values().stream().map(entry -> entry.subscription).toList());
        entries.clear();
    }
}
