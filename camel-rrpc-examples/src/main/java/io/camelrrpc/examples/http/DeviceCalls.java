package io.camelrrpc.examples.http;

import io.camelrrpc.component.RrpcConstants;
import io.camelrrpc.examples.ExampleProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Prepares an exchange for a call to a device through the rrpc producer; shared by both HTTP APIs. */
@Component
public class DeviceCalls {

    /**
     * The producer endpoint. Each call names its device in the CamelRrpcProductId and CamelRrpcDeviceName headers,
     * which override the endpoint's own (unused) productId and deviceName.
     */
    public static final String RRPC_ENDPOINT = "rrpc:by-header/by-header";

    private final int maxPayloadBytes;

    public DeviceCalls(ExampleProperties properties) {
        this.maxPayloadBytes = properties.http().maxPayloadBytes();
    }

    /**
     * Sets the device and the payload (none is an empty one) of the call. Ids are checked by the producer
     * (IllegalArgumentException).
     *
     * @throws PayloadTooLargeException when the payload is larger than {@code rrpc.http.max-payload-bytes}
     */
    public void prepare(Exchange exchange, String productId, String deviceName, byte[] payload) {
        byte[] bytes = payload == null ? new byte[0] : payload;
        if (bytes.length > maxPayloadBytes) {
            throw new PayloadTooLargeException(bytes.length, maxPayloadBytes);
        }
        Message message = exchange.getMessage();
        message.setHeader(RrpcConstants.PRODUCT_ID, productId);
        message.setHeader(RrpcConstants.DEVICE_NAME, deviceName);
        message.setBody(bytes);
    }
}
