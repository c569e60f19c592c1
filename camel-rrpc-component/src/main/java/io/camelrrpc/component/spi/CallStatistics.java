package io.camelrrpc.component.spi;

import java.util.Map;

/**
 * What happened to the calls of the producers that share one reply subscription (same broker connection, reply topic
 * template and QoS), counted since it was made, and the calls pending now.
 *
 * @param calls                calls registered
 * @param replies              calls completed by their reply
 * @param timeouts             calls that timed out
 * @param failures             calls that failed otherwise: publish failed, connection lost, producer stopped
 * @param rejections           calls refused by maxPendingCalls or, with deviceBusyPolicy=Reject,
 *                             maxConcurrentCallsPerDevice
 * @param lateReplies          replies that came within lateReplyWindow after their call timed out
 * @param duplicateReplies     replies to calls answered already
 * @param unmatchedReplies     replies whose processId no call of this node knows: another node's, or older than
 *                             what is remembered
 * @param misaddressedReplies  replies with a call's processId from another device than the one called
 * @param malformedReplies     messages on the reply subscription whose topic does not fit the reply template
 * @param oversizedReplies     replies larger than maxPayloadSize (their call failed)
 * @param rememberedTimeouts   timed-out calls remembered now, to recognise their late replies
 * @param pendingCalls         calls waiting for their reply or their turn now
 * @param pendingCallsByDevice those calls by device ({@code productId/deviceName}); a copy
 */
public record CallStatistics(long calls, long replies, long timeouts, long failures, long rejections,
        long lateReplies, long duplicateReplies, long unmatchedReplies, long misaddressedReplies, long malformedReplies,
        long oversizedReplies, int rememberedTimeouts, int pendingCalls, Map<String, Integer> pendingCallsByDevice) {

    public CallStatistics {
        pendingCallsByDevice = Map.copyOf(pendingCallsByDevice);
    }
}
