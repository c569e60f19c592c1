package io.camelrrpc.component;

import java.util.function.Function;

import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.camelrrpc.component.HiveMqDollarTopicsIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round trips through the HiveMQ client over each transport mosquitto offers: TCP, TLS, WebSocket, secure WebSocket. */
class HiveMqTransportsIT {

    /** A broker URL of the shared mosquitto. */
    enum Transport {
        TCP(MosquittoBroker::getBrokerUrl),
        SSL(MosquittoBroker::getTlsBrokerUrl),
        WS(MosquittoBroker::getWebSocketBrokerUrl),
        WSS(MosquittoBroker::getSecureWebSocketBrokerUrl);

        final Function<MosquittoBroker, String> url;

        Transport(Function<MosquittoBroker, String> url) {
            this.url = url;
        }
    }

    private static TlsMosquitto mosquitto;

    @BeforeAll
    static void startBroker() {
        mosquitto = TlsMosquitto.start(MosquittoBroker.Builder::webSockets);
    }

    @AfterAll
    static void stopBroker() {
        TlsMosquitto.close(mosquitto);
    }

    @ParameterizedTest(name = "{0} MQTT {1}")
    @CsvSource({ "TCP, V3_1_1", "TCP, V5", "SSL, V3_1_1", "SSL, V5", "WS, V3_1_1", "WS, V5", "WSS, V3_1_1", "WSS, V5" })
    void roundTrip(Transport transport, MqttProtocolVersion version) throws Exception {
        try (HiveMqConnections connections = new HiveMqConnections()) {
            HiveMqConnection server = connections.start(transport.url.apply(mosquitto.broker()), version, this::trusting);
            HiveMqConnection device = connections.start(transport.url.apply(mosquitto.broker()), version, this::trusting);
            HiveMqConnections.Inbox requests = new HiveMqConnections.Inbox();
            HiveMqConnections.Inbox replies = new HiveMqConnections.Inbox();
            device.subscribe(Subscription.of("$rrpc/rxd/P/D/+", 1, requests));
            server.subscribe(Subscription.of("$rrpc/txd/P/D/+", 0, replies));

            server.publish(OutboundMessage.of("$rrpc/rxd/P/D/7", text("over " + transport), 1)).get();
            InboundMessage request = requests.next();
            device.publish(OutboundMessage.of("$rrpc/txd/P/D/7", request.payload(), 0)).get();

            assertThat(replies.next().payload()).asString().isEqualTo("over " + transport);
            assertThat(server.isHealthy()).isTrue();
        }
    }

    @Test
    void tlsChecksTheBrokerCertificate() {
        try (HiveMqConnections connections = new HiveMqConnections()) {
            // the JVM's default trust store does not hold the test's CA
            assertThatThrownBy(() -> connections.start(mosquitto.broker().getTlsBrokerUrl(), MqttProtocolVersion.V5))
                    .cause().hasMessageContaining("TLS handshake with the broker failed");
        }
    }

    private ConnectionSettings trusting(ConnectionSettings settings) {
        return new ConnectionSettings(settings.brokerUrl(), settings.clientId(), null, null, true, 60, 5, true, 10_000,
                RrpcNode.trusting(mosquitto.certificates()), null, settings.protocolVersion(), settings.maxPayloadSize());
    }
}
