package io.camelrrpc.component.internal.mqtt;

import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * A {@link MessageListener} that wants the whole message, MQTT 5 properties included. Called on the transport's
 * callback thread: hand work off, never block, never throw.
 */
@FunctionalInterface
public interface InboundMessageListener extends MessageListener {

    void onMessage(InboundMessage message);

    /** What a transport that knows only topic and payload (MQTT 3.1.1) delivers. */
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

    /** Whole messages to the first, oversized ones (skipped unread) to the second. */
    static InboundMessageListener of(Consumer<InboundMessage> messages, ObjIntConsumer<String> oversized) {
        return new InboundMessageListener() {
            @Override
            public void onMessage(InboundMessage message) {
                messages.accept(message);
            }

            @Override
            public void onOversized(String topic, int payloadBytes) {
                oversized.accept(topic, payloadBytes);
            }
        };
    }
}
