package io.camelrrpc.component.internal.mqtt;

/**
 * How a publish ended when it did not fail: written to the network (QoS 0, or any QoS on MQTT 3.1.1 once
 * acknowledged), or acknowledged by an MQTT 5 broker with a success reason code.
 *
 * @param reasonCode   the PUBACK reason code: {@link #SUCCESS} or {@link #NO_MATCHING_SUBSCRIBERS}
 * @param reasonString the broker's reason string, or {@code null}
 */
public record PublishResult(int reasonCode, String reasonString) {

    public static final int SUCCESS = 0;
    /** MQTT 5: the broker accepted the message but no subscription matched it (Mosquitto 2.0 sends it). */
    public static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    /** A publish that was written or acknowledged without a reason. */
    public static final PublishResult DONE = new PublishResult(SUCCESS, null);

    /** Whether the broker said that nobody subscribes to the topic: a device that is offline. */
    public boolean noMatchingSubscribers() {
        return reasonCode == NO_MATCHING_SUBSCRIBERS;
    }
}
