package io.camelrrpc.examples.main;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel Main's health (what its /observe/health serves) holds the rrpc check of the YAML routes' connection. */
class RrpcMainHealthTest {

    private EmbeddedMqttBroker broker;
    private Main main;

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedMqttBroker.builder().start();
        main = RrpcMainApplication.newMain(broker.getBrokerUrl());
        main.addOverrideProperty("camel.health.exposure-level", "full");
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
        broker.close();
    }

    @Test
    void theRrpcConnectionIsReady() {
        assertThat(HealthCheckHelper.invokeReadiness(main.getCamelContext()))
                .filteredOn(result -> result.getCheck().getId().startsWith("rrpc:"))
                .singleElement()
                .satisfies(result -> {
                    assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
                    assertThat(result.getDetails()).containsEntry("broker.url", broker.getBrokerUrl());
                });
    }
}
