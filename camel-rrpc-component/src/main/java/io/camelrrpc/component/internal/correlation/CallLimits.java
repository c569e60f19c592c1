package io.camelrrpc.component.internal.correlation;

/**
 * Bounds on calls, set per producer.
 *
 * @param maxPendingCalls             most calls waiting for replies (or for their turn) on one correlator; more are
 *                                    rejected
 * @param maxConcurrentCallsPerDevice most calls in flight to one device; 0 for no limit
 * @param waitWhenDeviceBusy          whether calls beyond that limit wait for their turn (their timeout still
 *                                    running) rather than being rejected
 * @param maxPayloadSize              largest reply payload accepted, in bytes
 * @param afterTimeoutDelayMillis     with one call in flight per device: how long, after a call timed out, the
 *                                    device's next call waits for a late answer; 0 for not at all
 */
public record CallLimits(int maxPendingCalls, int maxConcurrentCallsPerDevice, boolean waitWhenDeviceBusy,
        int maxPayloadSize, long afterTimeoutDelayMillis) {

    /** Whether a timed-out call to a device holds back the device's next call. */
    boolean coolsDownAfterTimeout() {
        return maxConcurrentCallsPerDevice == 1 && afterTimeoutDelayMillis > 0;
    }
}
