package io.camelrrpc.examples;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelrrpc.component.RrpcConstants;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.test.context.TestComponent;

/**
 * Every device of product {@value #PRODUCT_ID}, served by one {@code rrpc:REC/+} consumer: each remembers the
 * last payload it received and answers it with its bytes in reverse order, so a test sees both directions apart.
 */
@TestComponent
public class RecordingDevices extends RouteBuilder {

    public static final String PRODUCT_ID = "REC";

    private final Map<String, byte[]> received = new ConcurrentHashMap<>();

    /** The last payload the device received, or null. */
    public byte[] received(String deviceName) {
        return received.get(deviceName);
    }

    /** The reply of a device to this payload. */
    public static byte[] reply(byte[] payload) {
        byte[] reversed = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            reversed[i] = payload[payload.length - 1 - i];
        }
        return reversed;
    }

    @Override
    public void configure() {
        from("rrpc:" + PRODUCT_ID + "/+").routeId("recording-devices")
                .process(exchange -> {
                    Message message = exchange.getMessage();
                    byte[] payload = message.getBody(byte[].class);
                    received.put(message.getHeader(RrpcConstants.DEVICE_NAME, String.class), payload);
                    message.setBody(reply(payload));
                });
    }
}
