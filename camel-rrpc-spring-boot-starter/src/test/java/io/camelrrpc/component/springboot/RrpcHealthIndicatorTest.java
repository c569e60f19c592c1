package io.camelrrpc.component.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rrpc health, and the rrpc checks in Camel's health (camelHealth), follow the broker: DOWN while it is stopped, UP
 * again once the connection is back.
 */
@DirtiesContext
@SpringBootTest(classes = RrpcHealthIndicatorTest.App.class,
                properties = { "management.endpoint.health.show-details=always",
                               "camel.health.exposure-level=full",
                               "camel.component.rrpc.max-reconnect-delay=500" })
class RrpcHealthIndicatorTest {

    private static final String PASSWORD = "s3cret-pw";
    private static EmbeddedMqttBroker broker;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** Closed with the context, after Camel has disconnected. */
        @Bean(destroyMethod = "close")
        EmbeddedMqttBroker embeddedBroker() {
            return broker;
        }

        @Bean
        RouteBuilder device() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("rrpc:HEALTH/+").setBody(constant("ok"));
                }
            };
        }
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        broker = EmbeddedMqttBroker.builder().credentials("device", PASSWORD).start();
        registry.add("camel.component.rrpc.broker-url", broker::getBrokerUrl);
        registry.add("camel.component.rrpc.user-name", () -> "device");
        registry.add("camel.component.rrpc.password", () -> PASSWORD);
    }

    @Autowired
    HealthEndpoint healthEndpoint;

    @Test
    void downWhileTheBrokerIsStoppedAndUpWhenItIsBack() throws Exception {
        assertThat(rrpcHealth().getStatus()).isEqualTo(Status.UP);
        assertThat(camelRrpcChecks()).containsOnly("UP");
        String details = new ObjectMapper().writeValueAsString(rrpcHealth());
        assertThat(details).contains(broker.getBrokerUrl(), "\"client.id\"", "\"pending.calls\":0")
                .doesNotContain(PASSWORD);

        broker.stop();
        await().atMost(Duration.ofSeconds(15)).until(() -> rrpcHealth().getStatus().equals(Status.DOWN));
        assertThat(new ObjectMapper().writeValueAsString(rrpcHealth())).contains("\"last.failure\"");
        await().until(() -> camelRrpcChecks().equals(List.of("DOWN")));

        broker.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> rrpcHealth().getStatus().equals(Status.UP));
        assertThat(camelRrpcChecks()).containsOnly("UP");
    }

    private HealthDescriptor rrpcHealth() {
        return healthEndpoint.healthForPath("rrpc");
    }

    /** The states of the rrpc checks in Camel's own health indicator (one per connection; their details aside). */
    private List<Object> camelRrpcChecks() {
        Map<String, Object> details = ((IndicatedHealthDescriptor) healthEndpoint.healthForPath("camelHealth")).getDetails();
        return details.entrySet().stream().filter(entry -> entry.getKey().startsWith("rrpc:"))
                .map(Map.Entry::getValue).filter(String.class::isInstance).toList();
    }
}
