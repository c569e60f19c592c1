package io.camelrrpc.component.internal.mqtt;

import java.nio.charset.StandardCharsets;

/** Encodes an MQTT 3.1.1 PUBLISH packet at QoS 0 (no packet id, not retained, not a duplicate) into one array. */
final class Qos0Publish {

    private static final int PUBLISH_QOS0 = 0x30;
    private static final int MAX_TOPIC_BYTES = 65_535;

    private Qos0Publish() {
    }

    /**
     * @throws IllegalArgumentException when MQTT cannot carry the topic (empty, wildcards, U+0000, over 65,535 bytes
     *                                  of UTF-8) or the packet (over 256 MB)
     */
    static byte[] encode(String topic, byte[] payload) {
        if (topic.isEmpty() || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(
                    "'" + topic + "' is not a topic name MQTT can publish to (empty, or with +, # or U+0000)");
        }
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        if (topicBytes.length > MAX_TOPIC_BYTES) {
            throw new IllegalArgumentException("the topic is " + topicBytes.length + " bytes of UTF-8; MQTT allows "
                                               + MAX_TOPIC_BYTES);
        }
        long remaining = 2L + topicBytes.length + payload.length;
        if (remaining > RemainingLength.MAX) {
            throw new IllegalArgumentException("a packet of " + remaining + " bytes is over MQTT's limit of "
                                               + RemainingLength.MAX);
        }
        byte[] packet = new byte[1 + RemainingLength.size(remaining) + (int) remaining];
        packet[0] = (byte) PUBLISH_QOS0;
        int at = RemainingLength.write(remaining, packet, 1);
        packet[at++] = (byte) (topicBytes.length >> 8);
        packet[at++] = (byte) topicBytes.length;
        System.arraycopy(topicBytes, 0, packet, at, topicBytes.length);
        System.arraycopy(payload, 0, packet, at + topicBytes.length, payload.length);
        return packet;
    }
}
