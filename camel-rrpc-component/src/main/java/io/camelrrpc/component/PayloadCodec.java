package io.camelrrpc.component;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns a message body into the bytes of an MQTT payload: byte[] as is, text as UTF-8, streams and other types
 * Camel can convert to byte[] by conversion, and maps, collections and other objects as JSON (Jackson).
 */
final class PayloadCodec {

    private static final byte[] EMPTY = new byte[0];

    private final ObjectMapper objectMapper;

    PayloadCodec(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    byte[] encode(Message message) throws Exception {
        Object body = message.getBody();
        if (body == null) {
            return EMPTY;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof Map || body instanceof Collection || body instanceof Object[]) {
            return objectMapper.writeValueAsBytes(body);
        }
        Exchange exchange = message.getExchange();
        byte[] converted = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
        return converted != null ? converted : objectMapper.writeValueAsBytes(body);
    }

    /** Payload of a reply to a failed request: {"error":"type","message":"text"}. */
    byte[] encodeError(Exception failure) throws Exception {
        return objectMapper.writeValueAsBytes(
                Map.of("error", failure.getClass().getName(), "message", String.valueOf(failure.getMessage())));
    }

    /** Payloads are bytes; when a route converts them to text, UTF-8 is meant, whatever the JVM's default is. */
    static void preferUtf8(Exchange exchange) {
        if (exchange.getProperty(Exchange.CHARSET_NAME) == null) {
            exchange.setProperty(Exchange.CHARSET_NAME, StandardCharsets.UTF_8.name());
        }
    }
}
