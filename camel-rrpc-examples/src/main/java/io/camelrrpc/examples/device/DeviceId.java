package io.camelrrpc.examples.device;

import io.camelrrpc.component.spi.RrpcAddress;

/**
 * A device, written {@code productId/deviceName}.
 *
 * @param productId  the product
 * @param deviceName the device within the product
 */
public record DeviceId(String productId, String deviceName) {

    public DeviceId {
        RrpcAddress.requireTopicLevel("productId", productId);
        RrpcAddress.requireTopicLevel("deviceName", deviceName);
    }

    /** Reads {@code productId/deviceName}; Spring uses it to bind properties. */
    public static DeviceId valueOf(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("A device is productId/deviceName, got '" + text + "'");
        }
        return new DeviceId(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return productId + "/" + deviceName;
    }
}
