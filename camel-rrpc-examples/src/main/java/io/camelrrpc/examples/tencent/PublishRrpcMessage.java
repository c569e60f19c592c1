package io.camelrrpc.examples.tencent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.examples.http.DeviceCalls;
import io.camelrrpc.examples.http.HttpReplies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The request and response of Tencent IoT Hub's PublishRRPCMessage action. Request:
 * {@code {"ProductId":"..","DeviceName":"..","Payload":"<UTF-8 text>"}}; response:
 * {@code {"Response":{"MessageId":1,"PayloadBase64":"<device reply>","RequestId":"<uuid>"}}}, or
 * {@code {"Response":{"Error":{"Code":"..","Message":".."},"RequestId":"<uuid>"}}}, always with HTTP 200 as
 * Tencent does. MessageId counts the calls of this application sent to a device, from 1 (back to 1 after
 * Integer.MAX_VALUE); refused requests do not count, as with Alibaba's RRpc.
 */
@Component
public class PublishRrpcMessage {

    private static final String REQUEST_ID = "TencentRequestId";
    private static final String MESSAGE_ID = "TencentMessageId";

    private final DeviceCalls deviceCalls;
    private final ObjectMapper json;
    private final AtomicInteger messageIds = new AtomicInteger();

    public PublishRrpcMessage(DeviceCalls deviceCalls, ObjectMapper json) {
        this.deviceCalls = deviceCalls;
        this.json = json;
    }

    /** Reads the request and prepares the call to the device. */
    public void readRequest(Exchange exchange) {
        requestId(exchange);
        JsonNode request = parse(exchange.getMessage().getBody(String.class));
        deviceCalls.prepare(exchange, RrpcAddress.requireTopicLevel("ProductId", text(request, "ProductId")),
                RrpcAddress.requireTopicLevel("DeviceName", text(request, "DeviceName")),
                text(request, "Payload").getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(MESSAGE_ID, messageIds.updateAndGet(id -> id == Integer.MAX_VALUE ? 1 : id + 1));
    }

    /** Answers the device's reply. */
    public void replySuccess(Exchange exchange) {
        ObjectNode body = json.createObjectNode();
        body.putObject("Response")
                .put("MessageId", exchange.getProperty(MESSAGE_ID, Integer.class))
                .put("PayloadBase64", Base64.getEncoder().encodeToString(exchange.getMessage().getBody(byte[].class)))
                .put("RequestId", requestId(exchange));
        HttpReplies.reply(exchange, 200, "application/json", body.toString());
    }

    /** Answers the failure of the exchange. */
    public void replyError(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ObjectNode body = json.createObjectNode();
        ObjectNode response = body.putObject("Response");
        response.putObject("Error")
                .put("Code", TencentErrorCodes.of(failure))
                .put("Message", failure.getMessage());
        response.put("RequestId", requestId(exchange));
        HttpReplies.reply(exchange, 200, "application/json", body.toString());
    }

    private static String requestId(Exchange exchange) {
        String requestId = exchange.getProperty(REQUEST_ID, String.class);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            exchange.setProperty(REQUEST_ID, requestId);
        }
        return requestId;
    }

    private JsonNode parse(String body) {
        try {
            JsonNode request = json.readTree(body == null ? "" : body);
            if (request != null && request.isObject()) {
                return request;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw new TencentApiException(TencentErrorCodes.INVALID_PARAMETER, "The request body must be a JSON object");
    }

    private static String text(JsonNode request, String parameter) {
        JsonNode value = request.get(parameter);
        if (value == null || value.isNull()) {
            throw new TencentApiException(TencentErrorCodes.MISSING_PARAMETER,
                    "The request is missing the required parameter " + parameter);
        }
        if (!value.isTextual()) {
            throw new TencentApiException(TencentErrorCodes.INVALID_PARAMETER, parameter + " must be a string");
        }
        return value.asText();
    }
}
