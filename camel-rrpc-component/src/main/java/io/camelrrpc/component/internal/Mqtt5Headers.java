package io.camelrrpc.component.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelrrpc.component.internal.mqtt.MessageProperties;
import io.camelrrpc.component.internal.mqtt.MessageProperties.UserProperty;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Carries Camel headers as MQTT 5 user properties and back, through an endpoint's {@link HeaderFilterStrategy}, and
 * marks a text body as UTF-8 with its content type. Used on MQTT 5 connections only: MQTT 3.1.1 has no properties.
 */
public final class Mqtt5Headers {

    /** The content type of a text body without a {@code Content-Type} header. */
    public static final String TEXT_CONTENT_TYPE = "text/plain; charset=UTF-8";

    private final HeaderFilterStrategy strategy;

    public Mqtt5Headers(HeaderFilterStrategy strategy) {
        this.strategy = strategy;
    }

    /**
     * {@code base} with the message's headers that pass the strategy (and convert to text) as user properties and,
     * when the body is text, its content type ({@code Content-Type} header, else {@link #TEXT_CONTENT_TYPE}) and the
     * UTF-8 payload format indicator.
     */
    public MessageProperties outbound(Message message, MessageProperties base) {
        Exchange exchange = message.getExchange();
        List<UserProperty> userProperties = new ArrayList<>();
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            Object value = header.getValue();
            if (value != null && !strategy.applyFilterToCamelHeaders(header.getKey(), value, exchange)) {
                String text = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, value);
                if (text != null) {
                    userProperties.add(new UserProperty(header.getKey(), text));
                }
            }
        }
        boolean text = message.getBody() instanceof CharSequence;
        String contentType = text ? message.getHeader(Exchange.CONTENT_TYPE, TEXT_CONTENT_TYPE, String.class) : null;
        return base.withContent(userProperties, contentType, text);
    }

    /**
     * Sets the user properties that pass the strategy as headers of the message (a repeated name: the last value
     * wins), and a content type as its {@code Content-Type} header.
     */
    public void inbound(MessageProperties properties, Message message) {
        Exchange exchange = message.getExchange();
        for (UserProperty property : properties.userProperties()) {
            if (!strategy.applyFilterToExternalHeaders(property.name(), property.value(), exchange)) {
                message.setHeader(property.name(), property.value());
            }
        }
        if (properties.contentType() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, properties.contentType());
        }
    }
}
