package io.camelrrpc.component.spi;

import io.camelrrpc.component.internal.topic.TopicNames;

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

    /**
     * Checks a productId, deviceName or processId as the component does before it puts one in a topic, e.g. to refuse
     * bad input at an application's edge with the component's message.
     *
     * @param  what                     what the value is, for the message (e.g. "deviceName")
     * @param  value                    the value to check
     * @return                          the value
     * @throws IllegalArgumentException when it is empty, contains '/', '+', '#' or NUL, or a character the MQTT client
     *                                  cannot put in a topic
     */
    public static String requireTopicLevel(String what, String value) {
        return TopicNames.requireLevel(what, value);
    }
}
