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

    /**
     * Whether its payload format indicator says UTF-8 text but the payload is not well-formed UTF-8. MQTT 5 lets a
     * receiver check this (section 3.3.2.3.2); the component drops such a message instead of handing on broken text.
     */
    public boolean isMalformedText() {
        return properties.utf8Payload() && !Utf8.isWellFormed(payload);
    }
}
