package io.camelrrpc.component.internal.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits filters into SUBSCRIBE (or UNSUBSCRIBE) packets: up to {@value #MAX_FILTERS} filters and {@value #MAX_BYTES}
 * bytes of them each. Brokers take many filters per packet; the bytes stay well under the smallest packet limit
 * seen in brokers (Moquette's default, 8,092 bytes).
 */
final class SubscribeBatches {

    static final int MAX_FILTERS = 100;
    static final int MAX_BYTES = 4096;

    private SubscribeBatches() {
    }

    /** @param name the filter of an item */
    static <T> List<List<T>> split(List<T> items, Function<T, String> name) {
        List<List<T>> batches = new ArrayList<>();
        List<T> batch = new ArrayList<>();
        int bytes = 0;
        for (T item : items) {
            int size = name.apply(item).getBytes(StandardCharsets.UTF_8).length + 3; // length prefix and QoS byte
            if (!batch.isEmpty() && (batch.size() == MAX_FILTERS || bytes + size > MAX_BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(item);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
