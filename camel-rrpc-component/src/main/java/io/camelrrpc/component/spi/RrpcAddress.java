package io.camelrrpc.component.spi;

/**
 * Where one RRPC message goes or comes from: the device (product and name) and the call's processId.
 *
 * @param productId  the product the device belongs to
 * @param deviceName the device's name within its product
 * @param processId  the id that ties a reply to its request
 */
public record RrpcAddress(String productId, String deviceName, String processId) {

    /** The device as {@code productId/deviceName}, as it appears in logs and error messages. */
    public String device() {
        return productId + "/" + deviceName;
    }
}
