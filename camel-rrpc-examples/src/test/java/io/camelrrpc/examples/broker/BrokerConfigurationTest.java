package io.camelrrpc.examples.broker;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.examples.ExampleProperties;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** An embedded broker unless a broker URL is configured; the rrpc component is pointed at the chosen one. */
class BrokerConfigurationTest {

    @EnableConfigurationProperties(ExampleProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, BrokerConfiguration.class);

    @Test
    void embeddedBrokerWhenNoBrokerUrlIsSet() {
        runner.withPropertyValues("rrpc.embedded-broker.port=0").run(context -> {
            EmbeddedMqttBroker broker = context.getBean(EmbeddedMqttBroker.class);
            assertThat(broker.isRunning()).isTrue();
            assertThat(brokerUrlOfAComponent(context)).isEqualTo(broker.getBrokerUrl());
        });
    }

    @Test
    void rrpcBrokerUrlPointsAtARealBroker() {
        runner.withPropertyValues("rrpc.broker-url=tcp://broker.example:1883").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedMqttBroker.class);
            assertThat(brokerUrlOfAComponent(context)).isEqualTo("tcp://broker.example:1883");
        });
    }

    @Test
    void componentBrokerUrlAlsoPointsAtARealBroker() {
        runner.withPropertyValues("camel.component.rrpc.broker-url=tcp://broker.example:1883").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedMqttBroker.class);
            assertThat(brokerUrlOfAComponent(context)).as("left to the starter").isEqualTo("tcp://localhost:1883");
        });
    }

    private static String brokerUrlOfAComponent(AssertableApplicationContext context) throws Exception {
        RrpcComponent component = new RrpcComponent();
        context.getBean(ComponentCustomizer.class).configure("rrpc", component);
        return component.getConfiguration().getBrokerUrl();
    }
}
