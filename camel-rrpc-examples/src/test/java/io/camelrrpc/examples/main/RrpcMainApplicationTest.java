package io.camelrrpc.examples.main;

import java.util.Map;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML routes run with Camel Main, without Spring, and answer calls through direct:call; Camel Main's health
 * (what its /observe/health serves) holds the rrpc check of their connection.
 */
class RrpcMainApplicationTest {

    private EmbeddedMqttBroker broker;
    private Main main;

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedMqttBroker.builder().start();
        main = RrpcMainApplication.newMain(broker.getBrokerUrl());
        main.start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        broker.close();
    }

    @Test
    void theYamlDeviceAnswersThroughTheYamlCaller() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();

        assertThat(template.requestBody("direct:call", "closed", String.class)).isEqualTo("ok");
        assertThat(template.requestBody("direct:call", "{\"cmd\":\"setTemp\",\"value\":18}", String.class))
                .contains("\"targetTemperature\":18");
    }

    @Test
    void camelMainsHealthHasTheReadyRrpcConnection() {
        assertThat(HealthCheckHelper.invoke(main.getCamelContext(), check -> Map.of(),
                check -> !check.getId().startsWith("rrpc:"), "full"))
                .singleElement()
                .satisfies(result -> {
                    assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
                    assertThat(result.getDetails()).containsEntry("broker.url", broker.getBrokerUrl());
                });
    }
}
