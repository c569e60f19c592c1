package io.camelrrpc.component.springboot;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** In Spring Boot with Actuator, the rrpc meters land in the application's MeterRegistry without any setting. */
@DirtiesContext
@SpringBootTest(classes = RrpcMetricsTest.App.class)
class RrpcMetricsTest {

    private static EmbeddedMqttBroker broker;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder device() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("rrpc:METRICS/+").setBody(constant("ok"));
                }
            };
        }
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        broker = EmbeddedMqttBroker.builder().start();
        registry.add("camel.component.rrpc.broker-url", broker::getBrokerUrl);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Autowired
    MeterRegistry meters;
    @Autowired
    ProducerTemplate template;

    @Test
    void callsAndRequestsAreMeteredInTheApplicationsRegistry() {
        assertThat(template.requestBody("rrpc:METRICS/dev1", "hi", String.class)).isEqualTo("ok");

        assertThat(meters.get("rrpc.calls").tags("outcome", "ok", "product", "METRICS").timer().count()).isEqualTo(1);
        assertThat(meters.get("rrpc.requests").tags("outcome", "ok", "product", "METRICS").timer().count()).isEqualTo(1);
        assertThat(meters.get("rrpc.connection.connected").gauges()).allSatisfy(g -> assertThat(g.value()).isEqualTo(1));
    }
}
