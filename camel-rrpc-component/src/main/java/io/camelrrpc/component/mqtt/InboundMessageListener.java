package io.camelrrpc.component.mqtt;

/**
 * A {@link MessageListener} that wants the whole message, MQTT 5 properties included. Called on the transport's
 * callback thread: hand work off, never block, never throw.
 */
@FunctionalInterface
public interface InboundMessageListener extends MessageListener {

    void onMessage(InboundMessage message);

    /** What a transport that knows only topic and payload (Paho, MQTT 3.1.1) delivers. */
    @Override
    default void onMessage(String topic, byte[] payload) {
        onMessage(new InboundMessage(topic, payload, 0, MessageProperties.NONE));
    }

    /** Hands a message to any listener: the whole message to this kind, topic and payload to the others. */
    static void deliver(MessageListener listener, InboundMessage message) {
        if (listener instanceof InboundMessageListener whole) {
            whole.onMessage(message);
        } else {
            listener.onMessage(message.topic(), message.payload());
        }
    }
}
