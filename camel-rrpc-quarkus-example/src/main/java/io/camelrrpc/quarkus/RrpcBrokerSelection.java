package io.camelrrpc.quarkus;

import java.util.Optional;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.component.RrpcComponent;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Points the rrpc component at {@code rrpc.broker-url} when it is set, else at an embedded Moquette broker that it
 * starts on {@code rrpc.embedded-broker.port} (0: any free port) when Camel creates the component, before any route
 * connects. The embedded broker stops when the application stops, after Camel.
 */
@Singleton
@Unremovable
public class RrpcBrokerSelection implements ComponentCustomizer {

    private static final Logger LOG = Logger.getLogger(RrpcBrokerSelection.class);

    private final Optional<String> brokerUrl;
    private final int embeddedBrokerPort;
    private EmbeddedMqttBroker embeddedBroker;

    public RrpcBrokerSelection(@ConfigProperty(name = "rrpc.broker-url") Optional<String> brokerUrl,
                               @ConfigProperty(name = "rrpc.embedded-broker.port", defaultValue = "1883") int embeddedBrokerPort) {
        this.brokerUrl = brokerUrl;
        this.embeddedBrokerPort = embeddedBrokerPort;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return target instanceof RrpcComponent;
    }

    @Override
    public void configure(String name, Component target) {
        ((RrpcComponent) target).getConfiguration().setBrokerUrl(brokerUrl.orElseGet(this::embeddedBrokerUrl));
    }

    private synchronized String embeddedBrokerUrl() {
        if (embeddedBroker == null) {
            embeddedBroker = startEmbeddedBroker();
        }
        return embeddedBroker.getBrokerUrl();
    }

    private EmbeddedMqttBroker startEmbeddedBroker() {
        try {
            EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().port(embeddedBrokerPort).start();
            LOG.infof("Embedded MQTT broker listening on %s (set rrpc.broker-url to use a real broker)",
                    broker.getBrokerUrl());
            return broker;
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot start the embedded MQTT broker on port " + embeddedBrokerPort
                                            + ": set rrpc.embedded-broker.port to a free port (0 for any), or"
                                            + " rrpc.broker-url to use a running broker", e);
        }
    }

    @PreDestroy
    synchronized void stopEmbeddedBroker() {
        if (embeddedBroker != null) {
            embeddedBroker.close();
            embeddedBroker = null;
        }
    }
}
