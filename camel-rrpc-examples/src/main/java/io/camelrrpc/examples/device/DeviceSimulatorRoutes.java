package io.camelrrpc.examples.device;

import io.camelrrpc.examples.ExampleProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One rrpc consumer route per simulated device ({@code rrpc.simulator.devices}), each answering with its own
 * {@link AirConditioner}. A device handles one call at a time, like a real one. Switched off by
 * {@code rrpc.simulator.enabled=false}; stop one device with {@code stopRoute(routeId(device))}.
 */
@Component
@ConditionalOnProperty(name = "rrpc.simulator.enabled", matchIfMissing = true)
public class DeviceSimulatorRoutes extends RouteBuilder {

    private final ExampleProperties properties;

    public DeviceSimulatorRoutes(ExampleProperties properties) {
        this.properties = properties;
    }

    /** The id of the route that simulates this device. */
    public static String routeId(DeviceId device) {
        return "device-" + device.productId() + "-" + device.deviceName();
    }

    @Override
    public void configure() {
        for (DeviceId device : properties.simulator().devices()) {
            from("rrpc:" + device + "?concurrentConsumers=1")
                    .routeId(routeId(device))
                    .bean(new AirConditioner(), "handle");
        }
    }
}
