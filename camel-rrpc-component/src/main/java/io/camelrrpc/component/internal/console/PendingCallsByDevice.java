package io.camelrrpc.component.internal.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A device and how many calls to it are pending.
 *
 * @param device       {@code productId/deviceName}
 * @param pendingCalls calls waiting for its reply or for their turn
 */
record PendingCallsByDevice(String device, int pendingCalls) {

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
