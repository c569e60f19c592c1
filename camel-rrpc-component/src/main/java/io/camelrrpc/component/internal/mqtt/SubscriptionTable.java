package io.camelrrpc.component.internal.mqtt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The subscriptions of a connection, indexed for dispatch. Filters of the form {@code a/b/c/+} (one trailing
 * wildcard, as one device's requests or replies) are found by the topic's parent in constant time, so thousands of
 * device subscriptions cost nothing per message; other filters are matched one by one.
 */
final class SubscriptionTable {

    private final Map<String, List<Subscription>> byParent = new ConcurrentHashMap<>();
    private final List<Subscription> others = new CopyOnWriteArrayList<>();

    void add(Subscription subscription) {
        String parent = indexedParent(subscription.filter());
        if (parent == null) {
            others.add(subscription);
        } else {
            byParent.computeIfAbsent(parent, p -> new CopyOnWriteArrayList<>()).add(subscription);
        }
    }

    void remove(Subscription subscription) {
        String parent = indexedParent(subscription.filter());
        if (parent == null) {
            others.remove(subscription);
        } else {
            byParent.computeIfPresent(parent, (p, list) -> {
                list.remove(subscription);
                return list.isEmpty() ? null : list;
            });
        }
    }

    void clear() {
        byParent.clear();
        others.clear();
    }

    /** Calls the action for every subscription whose filter matches the topic. */
    void forEachMatch(String topic, Consumer<Subscription> action) {
        int slash = topic.lastIndexOf('/');
        if (slash >= 0) {
            List<Subscription> indexed = byParent.get(topic.substring(0, slash + 1));
            if (indexed != null) {
                indexed.forEach(action);
            }
        }
        for (Subscription subscription : others) {
            if (matches(subscription.filter(), topic)) {
                action.accept(subscription);
            }
        }
    }

    /** {@code a/b/} for {@code a/b/+}; {@code null} for any filter with other wildcards. */
    private static String indexedParent(String filter) {
        if (!filter.endsWith("/+")) {
            return null;
        }
        String parent = filter.substring(0, filter.length() - 1);
        return parent.indexOf('+') < 0 && parent.indexOf('#') < 0 ? parent : null;
    }

    /**
     * MQTT topic matching: {@code +} matches one level, empty ones too (brokers deliver topics with empty levels),
     * {@code #} the rest.
     */
    static boolean matches(String filter, String topic) {
        int f = 0;
        int t = 0;
        while (true) {
            int filterEnd = levelEnd(filter, f);
            int topicEnd = levelEnd(topic, t);
            String level = filter.substring(f, filterEnd);
            if (level.equals("#")) {
                return true;
            }
            if (!level.equals("+") && !level.equals(topic.substring(t, topicEnd))) {
                return false;
            }
            boolean filterDone = filterEnd == filter.length();
            boolean topicDone = topicEnd == topic.length();
            if (filterDone || topicDone) {
                return filterDone && topicDone || topicDone && filter.startsWith("/#", filterEnd);
            }
            f = filterEnd + 1;
            t = topicEnd + 1;
        }
    }

    private static int levelEnd(String text, int start) {
        int slash = text.indexOf('/', start);
        return slash < 0 ? text.length() : slash;
    }
}
