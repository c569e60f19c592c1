package io.camelrrpc.examples.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelrrpc.component.RrpcCallException;
import io.camelrrpc.component.RrpcTimeoutException;

/**
 * The HTTP status and JSON body for a failed device call: 504 timeout, 503 broker_unavailable, 413
 * payload_too_large, 400 bad_request, else 500 internal_error. Bodies are {"error":..,"message":..} plus what
 * helps, e.g. the device and processId of a timeout.
 *
 * @param status the HTTP status
 * @param body   the fields of the JSON body, in order
 */
public record HttpErrorReply(int status, Map<String, Object> body) {

    public static HttpErrorReply of(Exception failure) {
        Map<String, Object> body = new LinkedHashMap<>();
        int status;
        if (failure instanceof RrpcTimeoutException timeout) {
            status = 504;
            body.put("error", "timeout");
            body.put("productId", timeout.getProductId());
            body.put("deviceName", timeout.getDeviceName());
            body.put("processId", timeout.getProcessId());
            body.put("timeoutMillis", timeout.getTimeout());
        } else if (failure instanceof RrpcCallException call) {
            status = 503;
            body.put("error", "broker_unavailable");
            body.put("productId", call.getProductId());
            body.put("deviceName", call.getDeviceName());
            body.put("processId", call.getProcessId());
        } else if (failure instanceof PayloadTooLargeException tooLarge) {
            status = 413;
            body.put("error", "payload_too_large");
            body.put("payloadBytes", tooLarge.getPayloadBytes());
            body.put("maxPayloadBytes", tooLarge.getMaxPayloadBytes());
        } else if (failure instanceof IllegalArgumentException) {
            status = 400;
            body.put("error", "bad_request");
        } else {
            status = 500;
            body.put("error", "internal_error");
        }
        body.put("message", failure.getMessage());
        return new HttpErrorReply(status, body);
    }
}
