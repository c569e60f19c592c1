package io.camelrrpc.component;

import java.nio.charset.StandardCharsets;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.broker.MqttBroker;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The early check: the HiveMQ client publishes to and subscribes on {@code $rrpc/...} topics through mosquitto (MQTT
 * 3.1.1 and 5) and Moquette (3.1.1; Moquette 0.17 refuses MQTT 5).
 */
class HiveMqDollarTopicsIT {

    @ParameterizedTest(name = "{0} MQTT {1}")
    @CsvSource({ "MOSQUITTO, V3_1_1", "MOSQUITTO, V5", "EMBEDDED, V3_1_1" })
    void requestsAndRepliesOnDollarTopics(RestartableBroker.Kind kind, MqttProtocolVersion version) throws Exception {
        try (MqttBroker broker = RestartableBroker.start(kind);
             HiveMqConnections connections = new HiveMqConnections()) {
            HiveMqConnection server = connections.start(broker.getBrokerUrl(), version);
            HiveMqConnection device = connections.start(broker.getBrokerUrl(), version);
            HiveMqConnections.Inbox requests = new HiveMqConnections.Inbox();
            HiveMqConnections.Inbox replies = new HiveMqConnections.Inbox();
            device.subscribe(Subscription.of("$rrpc/rxd/P/D/+", 1, requests));
            server.subscribe(Subscription.of("$rrpc/txd/P/D/+", 1, replies));

            server.publish(OutboundMessage.of("$rrpc/rxd/P/D/42", text("ping"), 1)).get();
            InboundMessage request = requests.next();
            device.publish(OutboundMessage.of("$rrpc/txd/P/D/42", text("pong"), 1)).get();
            InboundMessage reply = replies.next();

            assertThat(request.topic()).isEqualTo("$rrpc/rxd/P/D/42");
            assertThat(request.payload()).asString(StandardCharsets.UTF_8).isEqualTo("ping");
            assertThat(reply.topic()).isEqualTo("$rrpc/txd/P/D/42");
            assertThat(reply.payload()).asString(StandardCharsets.UTF_8).isEqualTo("pong");
        }
    }

    @Test
    void moquetteRefusesMqtt5WithAClearError() {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().start();
             HiveMqConnections connections = new HiveMqConnections()) {
            assertThatThrownBy(() -> connections.start(broker.getBrokerUrl(), MqttProtocolVersion.V5))
                    .cause().isInstanceOf(MqttConnectionException.class)
                    .hasMessageContaining(broker.getBrokerUrl() + " (MQTT 5)")
                    .hasMessageContaining("may not speak this MQTT version");
        }
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
