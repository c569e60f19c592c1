package io.camelrrpc.component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.InboundMessageListener;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HiveMqConnection}s for tests, in a Camel context of their own; {@link #close()} stops them all. */
final class HiveMqConnections implements AutoCloseable {

    private final CamelContext camelContext = new DefaultCamelContext();
    private final List<HiveMqConnection> connections = new ArrayList<>();

    HiveMqConnections() {
        camelContext.start();
    }

    /** The component's defaults (clean session, keep-alive 60 s, reconnecting), with a client id of the test's. */
    static ConnectionSettings settings(String brokerUrl) {
        return settings(brokerUrl, ConnectionSettings.ANY_PAYLOAD);
    }

    /** {@link #settings(String)} with a largest payload that an MQTT 5 connection tells the broker. */
    static ConnectionSettings settings(String brokerUrl, int maxPayloadSize) {
        return new ConnectionSettings(brokerUrl, "hivemq-test-" + UUID.randomUUID().toString().substring(0, 8), null,
                null, true, 60, 5, true, 10_000, null, null, MqttProtocolVersion.V3_1_1, maxPayloadSize);
    }

    HiveMqConnection start(String brokerUrl, MqttProtocolVersion version) throws Exception {
        return start(settings(brokerUrl), version);
    }

    HiveMqConnection start(String brokerUrl, MqttProtocolVersion version, UnaryOperator<ConnectionSettings> change)
            throws Exception {
        return start(change.apply(settings(brokerUrl)), version);
    }

    HiveMqConnection start(ConnectionSettings settings, MqttProtocolVersion version) throws Exception {
        HiveMqConnection connection = new HiveMqConnection(camelContext, settings.with(version));
        connection.start();
        connections.add(connection);
        return connection;
    }

    @Override
    public void close() {
        connections.forEach(HiveMqConnection::stop);
        camelContext.stop();
    }

    /** Collects the messages of a subscription. */
    static final class Inbox implements InboundMessageListener {

        private final BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(InboundMessage message) {
            messages.add(message);
        }

        /** The next message, failing the test when none comes within 10 s. */
        InboundMessage next() throws InterruptedException {
            InboundMessage message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        }

        int size() {
            return messages.size();
        }
    }
}
