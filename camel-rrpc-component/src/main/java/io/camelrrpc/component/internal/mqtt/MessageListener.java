package io.camelrrpc.component.internal.mqtt;

import java.util.function.ObjIntConsumer;

/**
 * Receives the messages of one subscription. Called on the MQTT client's threads: hand work off, never block, never
 * throw.
 */
@FunctionalInterface
public interface MessageListener {

    void onMessage(String topic, byte[] payload);

    /**
     * A message whose payload is larger than the connection accepts ({@link MqttTransport#acceptPayloads}): it was
     * skipped without being read.
     */
    default void onOversized(String topic, int payloadBytes) {
    }

    /** Messages to the first, oversized ones to the second. */
    static MessageListener of(MessageListener messages, ObjIntConsumer<String> oversized) {
        return new MessageListener() {
            @Override
            public void onMessage(String topic, byte[] payload) {
                messages.onMessage(topic, payload);
            }

            @Override
            public void onOversized(String topic, int payloadBytes) {
                oversized.accept(topic, payloadBytes);
            }
        };
    }
}
