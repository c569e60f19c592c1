package io.camelrrpc.component.internal.mqtt;

/**
 * A message to publish.
 *
 * @param topic      its topic
 * @param payload    its bytes
 * @param qos        0 or 1
 * @param properties its MQTT 5 properties, not sent on MQTT 3.1.1
 */
public record OutboundMessage(String topic, byte[] payload, int qos, MessageProperties properties) {

    /** A message without properties. */
    public static OutboundMessage of(String topic, byte[] payload, int qos) {
        return new OutboundMessage(topic, payload, qos, MessageProperties.NONE);
    }
}
