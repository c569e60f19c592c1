package io.camelrrpc.component;

import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.Exchange;

/**
 * The broker said that nobody subscribes to the device's request topic (MQTT 5 PUBACK reason code 16, "No matching
 * subscribers", with qos=1): the device is offline, so the call fails at once instead of waiting for its timeout.
 */
public class RrpcDeviceOfflineException extends RrpcCallException {

    private static final long serialVersionUID = 1L;

    public RrpcDeviceOfflineException(String requestTopic, RrpcAddress address, Exchange exchange) {
        super("the device is offline: the broker has no subscriber for '" + requestTopic
              + "' (MQTT 5 PUBACK reason code 16, no matching subscribers)", address, exchange, null);
    }
}
