package io.camelrrpc.examples.device;

import io.camelrrpc.examples.ExampleProperties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** rrpc.simulator.devices makes one route per device; rrpc.simulator.enabled=false makes none. */
class DeviceSimulatorRoutesTest {

    @EnableConfigurationProperties(ExampleProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, DeviceSimulatorRoutes.class);

    @Test
    void oneRoutePerConfiguredDevice() {
        runner.withPropertyValues("rrpc.simulator.devices=P1/lamp, P2/fan").run(context -> {
            try (ModelCamelContext camel = new DefaultCamelContext()) {
                camel.addRoutes(context.getBean(DeviceSimulatorRoutes.class));

                assertThat(camel.getRouteDefinitions()).extracting(route -> route.getRouteId())
                        .containsExactly(DeviceSimulatorRoutes.routeId(new DeviceId("P1", "lamp")),
                                DeviceSimulatorRoutes.routeId(new DeviceId("P2", "fan")));
            }
        });
    }

    @Test
    void theSeedAirConditionerByDefault() {
        runner.run(context -> assertThat(context.getBean(ExampleProperties.class).simulator().devices())
                .containsExactly(new DeviceId("KL4J2ABCD8", "airConditioner1")));
    }

    @Test
    void disabled() {
        runner.withPropertyValues("rrpc.simulator.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DeviceSimulatorRoutes.class));
    }
}
