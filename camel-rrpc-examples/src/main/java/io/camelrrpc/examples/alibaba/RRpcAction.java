package io.camelrrpc.examples.alibaba;

import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelrrpc.component.RrpcConstants;
import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.examples.http.DeviceCalls;
import io.camelrrpc.examples.http.HttpReplies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The request and response of Alibaba IoT Platform's RRpc action. Request parameters: {@code Action=RRpc},
 * {@code ProductKey}, {@code DeviceName}, {@code RequestBase64Byte} (the payload, Base64) and {@code Timeout}
 * (1000 to 8000 ms). Response: {@code {"RequestId","Success":true,"RrpcCode":"SUCCESS","PayloadBase64Byte",
 * "MessageId"}}, RrpcCode TIMEOUT (no PayloadBase64Byte) when the device does not answer in time, or an error (see
 * {@link AlibabaApiException}). MessageId counts the calls of this application from 1.
 */
@Component
public class RRpcAction {

    static final String ACTION = "RRpc";
    static final String API_VERSION = "2018-01-20";
    static final int MIN_TIMEOUT_MILLIS = 1000;
    static final int MAX_TIMEOUT_MILLIS = 8000;

    private static final String REQUEST_ID = "AlibabaRequestId";
    private static final String MESSAGE_ID = "AlibabaMessageId";

    private final DeviceCalls deviceCalls;
    private final ObjectMapper json;
    private final AtomicLong messageIds = new AtomicLong();

    public RRpcAction(DeviceCalls deviceCalls, ObjectMapper json) {
        this.deviceCalls = deviceCalls;
        this.json = json;
    }

    /** Reads the parameters read by {@link RpcParameters#read(Exchange)} and prepares the call to the device. */
    public void readRequest(Exchange exchange) {
        RpcParameters parameters = RpcParameters.of(exchange);
        String action = parameters.get(AlibabaApiRoutes.ACTION_PARAMETER);
        if (action == null) {
            throw AlibabaApiException.gateway(400, AlibabaErrorCodes.MISSING_PARAMETER,
                    "The request names no action: the parameter Action (Alibaba's RRpc, e.g. /?Action=RRpc&...) or"
                                                                                         + " the header X-TC-Action"
                                                                                         + " (Tencent's"
                                                                                         + " PublishRRPCMessage)");
        }
        if (!ACTION.equals(action)) {
            throw AlibabaApiException.gateway(404, AlibabaErrorCodes.INVALID_ACTION,
                    "Specified api is not found, please check your url and method: Action " + action
                                                                                     + " is not supported; only "
                                                                                     + ACTION);
        }
        checkCommonParameters(parameters);
        String productKey = deviceLevel(parameters, "ProductKey", AlibabaErrorCodes.NULL_PRODUCT_KEY,
                AlibabaErrorCodes.INVALID_PRODUCT_KEY);
        String deviceName = deviceLevel(parameters, "DeviceName", AlibabaErrorCodes.NULL_DEVICE_NAME,
                AlibabaErrorCodes.INVALID_DEVICE_NAME);
        byte[] payload = payload(parameters.get("RequestBase64Byte"));
        int timeout = timeout(parameters.get("Timeout"));
        deviceCalls.prepare(exchange, productKey, deviceName, payload);
        exchange.getMessage().setHeader(RrpcConstants.REQUEST_TIMEOUT, timeout);
        exchange.setProperty(MESSAGE_ID, messageIds.incrementAndGet());
    }

    /** Answers the device's reply: RrpcCode SUCCESS. */
    public void replySuccess(Exchange exchange) {
        ObjectNode body = result(exchange, "SUCCESS");
        body.put("PayloadBase64Byte", Base64.getEncoder().encodeToString(exchange.getMessage().getBody(byte[].class)));
        body.put("MessageId", exchange.getProperty(MESSAGE_ID, Long.class));
        HttpReplies.reply(exchange, 200, "application/json", body.toString());
    }

    /** Answers a call the device did not answer in time: RrpcCode TIMEOUT. */
    public void replyTimeout(Exchange exchange) {
        ObjectNode body = result(exchange, "TIMEOUT");
        body.put("MessageId", exchange.getProperty(MESSAGE_ID, Long.class));
        HttpReplies.reply(exchange, 200, "application/json", body.toString());
    }

    /** Answers the failure of the exchange. */
    public void replyError(Exchange exchange) {
        AlibabaApiException error = AlibabaErrorCodes.of(exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                Exception.class));
        ObjectNode body = json.createObjectNode().put("RequestId", requestId(exchange));
        if (error.getStatus() == 200) {
            body.put("Success", false).put("Code", error.getCode()).put("ErrorMessage", error.getMessage());
        } else {
            body.put("Code", error.getCode()).put("Message", error.getMessage());
        }
        HttpReplies.reply(exchange, error.getStatus(), "application/json", body.toString());
    }

    private ObjectNode result(Exchange exchange, String rrpcCode) {
        return json.createObjectNode()
                .put("RequestId", requestId(exchange))
                .put("Success", true)
                .put("RrpcCode", rrpcCode);
    }

    private static void checkCommonParameters(RpcParameters parameters) {
        String version = parameters.get("Version");
        if (version != null && !API_VERSION.equals(version)) {
            throw AlibabaApiException.gateway(400, AlibabaErrorCodes.INVALID_VERSION,
                    "Specified parameter Version is not valid: RRpc is in version " + API_VERSION);
        }
        String format = parameters.get("Format");
        if (format != null && !"JSON".equals(format.toUpperCase(Locale.ROOT))) {
            throw AlibabaApiException.gateway(400, AlibabaErrorCodes.INVALID_PARAMETER,
                    "Format " + format + " is not supported here; use JSON");
        }
        if (parameters.get("Topic") != null) {
            throw AlibabaApiException.call(AlibabaErrorCodes.ILLEGAL_REQUEST,
                    "Topic (custom RRPC topics) is not supported here; calls use the component's request topic");
        }
    }

    private static String deviceLevel(RpcParameters parameters, String name, String nullCode, String invalidCode) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw AlibabaApiException.call(nullCode, name + " must not be empty");
        }
        try {
            return RrpcAddress.requireTopicLevel(name, value);
        } catch (IllegalArgumentException e) {
            throw AlibabaApiException.call(invalidCode, e.getMessage());
        }
    }

    private static byte[] payload(String base64) {
        if (base64 == null || base64.isEmpty()) {
            throw AlibabaApiException.call(AlibabaErrorCodes.NULL_MESSAGE_CONTENT,
                    "RequestBase64Byte must not be empty");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw AlibabaApiException.call(AlibabaErrorCodes.NOT_BASE64,
                    "RequestBase64Byte is not Base64 (a '+' sent unencoded in a URL or form arrives as a space;"
                                                                         + " send it as %2B): " + e.getMessage());
        }
    }

    private static int timeout(String text) {
        int timeout;
        try {
            timeout = Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            timeout = -1;
        }
        if (timeout < MIN_TIMEOUT_MILLIS || timeout > MAX_TIMEOUT_MILLIS) {
            throw AlibabaApiException.call(AlibabaErrorCodes.INVALID_TIMEOUT,
                    "Timeout must be milliseconds from " + MIN_TIMEOUT_MILLIS + " to " + MAX_TIMEOUT_MILLIS
                                                                              + ", got '" + text + "'");
        }
        return timeout;
    }

    private static String requestId(Exchange exchange) {
        String requestId = exchange.getProperty(REQUEST_ID, String.class);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            exchange.setProperty(REQUEST_ID, requestId);
        }
        return requestId;
    }
}
