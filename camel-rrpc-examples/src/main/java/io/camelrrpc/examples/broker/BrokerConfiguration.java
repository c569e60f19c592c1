package io.camelrrpc.examples.broker;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.examples.ExampleProperties;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the broker: {@code rrpc.broker-url} or {@code camel.component.rrpc.broker-url} when set, else an
 * {@link EmbeddedMqttBroker} started on {@code rrpc.embedded-broker.port} before Camel starts.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoBrokerUrl.class)
    EmbeddedMqttBroker embeddedMqttBroker(ExampleProperties properties) {
        int port = properties.embeddedBroker().port();
        try {
            EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().port(port).start();
            LOG.info("Embedded MQTT broker listening on {} (set rrpc.broker-url to use a real broker)",
                    broker.getBrokerUrl());
            return broker;
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot start the embedded MQTT broker on port " + port
                                            + ": set rrpc.embedded-broker.port to a free port (0 for any), or"
                                            + " rrpc.broker-url to use a running broker",
                    e);
        }
    }

    /** Applied after the starter's customizer, so the embedded broker or rrpc.broker-url wins. */
    @Bean
    ComponentCustomizer rrpcBrokerUrl(ObjectProvider<EmbeddedMqttBroker> embeddedBroker, ExampleProperties properties) {
        return ComponentCustomizer.builder(RrpcComponent.class)
                .withOrder(Ordered.LOWEST)
                .build(component -> {
                    EmbeddedMqttBroker broker = embeddedBroker.getIfAvailable();
                    String brokerUrl = broker != null ? broker.getBrokerUrl() : properties.brokerUrl();
                    if (brokerUrl != null) {
                        component.getConfiguration().setBrokerUrl(brokerUrl);
                    }
                });
    }

    /** Neither rrpc.broker-url nor camel.component.rrpc.broker-url is set. */
    static class NoBrokerUrl extends NoneNestedConditions {

        NoBrokerUrl() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("rrpc.broker-url")
        static class ExampleBrokerUrl {
        }

        @ConditionalOnProperty("camel.component.rrpc.broker-url")
        static class ComponentBrokerUrl {
        }
    }
}
