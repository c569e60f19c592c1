package io.camelrrpc.component.internal.console;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelrrpc.component.internal.correlation.ReplyCorrelator;

/**
 * A device and how many calls to it are pending.
 *
 * @param device       {@code productId/deviceName}
 * @param pendingCalls calls waiting for its reply or for their turn
 */
record PendingCallsByDevice(String device, int pendingCalls) {

    /** Pending calls by device ({@code productId/deviceName}). */
    static Map<String, Integer> count(ReplyCorrelator correlator) {
        Map<String, Integer> counts = new HashMap<>();
        correlator.forEachPending(address -> counts.merge(address.device(), 1, Integer::sum));
        return counts;
    }

    /** The devices with most pending calls, most first (ties by name), at most {@code limit}. */
    static List<PendingCallsByDevice> top(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream()
                .map(entry -> new PendingCallsByDevice(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(PendingCallsByDevice::pendingCalls).reversed()
                        .thenComparing(PendingCallsByDevice::device))
                .limit(limit)
                .toList();
    }
}
