package io.camelrrpc.component;

import io.camelrrpc.component.internal.mqtt.MqttTransport;
import io.camelrrpc.component.internal.observe.ConnectionView;

/** What health checks, metrics and consoles read of an {@link MqttTransport}. */
record TransportView(MqttTransport connection) implements ConnectionView {

    @Override
    public String brokerUrl() {
        return connection.settings().brokerUrl();
    }

    @Override
    public String currentBroker() {
        return connection.currentBroker();
    }

    @Override
    public long failovers() {
        return connection.failovers();
    }

    @Override
    public String clientId() {
        return connection.clientId();
    }

    @Override
    public String protocolVersion() {
        return connection.protocolVersion().toString();
    }

    @Override
    public boolean isConnected() {
        return connection.isConnected();
    }

    @Override
    public boolean isReady() {
        return connection.isHealthy();
    }

    @Override
    public boolean reconnectsByItself() {
        return connection.settings().automaticReconnect();
    }

    @Override
    public long undecodablePackets() {
        return connection.undecodablePackets();
    }
}
