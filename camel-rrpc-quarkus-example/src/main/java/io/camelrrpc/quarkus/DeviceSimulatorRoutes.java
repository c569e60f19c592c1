package io.camelrrpc.quarkus;

import io.camelrrpc.component.RrpcConstants;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The device side: one rrpc consumer answers for every device of the product {@code rrpc.simulator.product-id}
 * ({@code rrpc:KL4J2ABCD8/+}, a gateway): the device {@value #ECHO_DEVICE} answers every request with its bytes
 * unchanged, every other device is an air conditioner of {@link AirConditioners}.
 */
public class DeviceSimulatorRoutes extends RouteBuilder {

    /** The device that answers with the request. */
    public static final String ECHO_DEVICE = "echo";

    private final AirConditioners airConditioners = new AirConditioners();

    @Override
    public void configure() {
        from("rrpc:{{rrpc.simulator.product-id}}/+").routeId("simulated-air-conditioners")
                .process(exchange -> {
                    Message message = exchange.getMessage();
                    String deviceName = message.getHeader(RrpcConstants.DEVICE_NAME, String.class);
                    if (!ECHO_DEVICE.equals(deviceName)) {
                        message.setBody(airConditioners.handle(deviceName, message.getBody(String.class)));
                    }
                });
    }
}
