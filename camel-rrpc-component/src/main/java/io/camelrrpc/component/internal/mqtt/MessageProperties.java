package io.camelrrpc.component.internal.mqtt;

import java.util.List;

/**
 * The MQTT 5 properties of a message that request/response needs. An MQTT 3.1.1 connection neither sends nor
 * receives them: it sends a message's topic, payload and QoS only, and hands on {@link #NONE}.
 *
 * @param responseTopic         where the receiver should reply, or {@code null}
 * @param correlationData       bytes the reply must carry back, or {@code null}
 * @param userProperties        name/value pairs in order (names may repeat); empty for none
 * @param contentType           e.g. {@code application/json}, or {@code null}
 * @param utf8Payload           whether the payload format indicator says UTF-8 text
 * @param messageExpirySeconds  how long the broker may keep the message, or {@link #NO_EXPIRY}
 */
public record MessageProperties(
        String responseTopic, byte[] correlationData, List<UserProperty> userProperties, String contentType,
        boolean utf8Payload, long messageExpirySeconds) {

    /** {@link #messageExpirySeconds} when the message does not expire. */
    public static final long NO_EXPIRY = -1;

    /** No properties at all. */
    public static final MessageProperties NONE = new MessageProperties(null, null, List.of(), null, false, NO_EXPIRY);

    /** One MQTT 5 user property. */
    public record UserProperty(String name, String value) {
    }

    public MessageProperties {
        userProperties = List.copyOf(userProperties);
        if (messageExpirySeconds < NO_EXPIRY || messageExpirySeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(
                    "messageExpirySeconds must be NO_EXPIRY or 0.." + 0xFFFF_FFFFL + ", got " + messageExpirySeconds);
        }
    }

    /** A request: reply to {@code responseTopic} with {@code correlationData}; the broker drops it after expiry. */
    public static MessageProperties request(String responseTopic, byte[] correlationData, long messageExpirySeconds) {
        return new MessageProperties(responseTopic, correlationData, List.of(), null, false, messageExpirySeconds);
    }

    /** A reply: carries the request's correlation data back (none when {@code correlationData} is {@code null}). */
    public static MessageProperties reply(byte[] correlationData) {
        return new MessageProperties(null, correlationData, List.of(), null, false, NO_EXPIRY);
    }

    /** These properties with the given user properties, content type and payload format indicator instead. */
    public MessageProperties withContent(List<UserProperty> userProperties, String contentType, boolean utf8Payload) {
        return new MessageProperties(responseTopic, correlationData, userProperties, contentType, utf8Payload,
                messageExpirySeconds);
    }
}
