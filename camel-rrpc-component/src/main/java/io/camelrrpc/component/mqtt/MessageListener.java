package io.camelrrpc.component.mqtt;

/**
 * Receives the messages of one subscription. Called on the MQTT client's callback thread: hand work off, never
 * block, never throw.
 */
@FunctionalInterface
public interface MessageListener {

    void onMessage(String topic, byte[] payload);
}
