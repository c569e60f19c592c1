package io.camelrrpc.component.internal.mqtt;

/**
 * A message the broker delivered.
 *
 * @param topic      its topic
 * @param payload    its bytes
 * @param qos        the QoS it was delivered with
 * @param properties its MQTT 5 properties; {@link MessageProperties#NONE} on MQTT 3.1.1
 */
public record InboundMessage(String topic, byte[] payload, int qos, MessageProperties properties) {
}
