package io.camelrrpc.component;

import java.time.Clock;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import io.camelrrpc.component.internal.observe.ConnectionMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.camelrrpc.component.HiveMqDollarTopicsIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Odd and oversized messages on a HiveMQ connection: topics with any Unicode character arrive; on MQTT 5 the broker
 * drops messages over our maximum packet size (maxPayloadSize plus headroom) instead of sending them; MQTT 3.1.1
 * cannot say so and takes large ones; a malformed topic from the broker costs one reconnect, after which everything
 * works again.
 */
class HiveMqWireLimitsIT {

    private static final int MAX_PAYLOAD = 16 * 1024;
    /** U+0001: brokers pass it on (MQTT only advises against control characters), and it is one byte in UTF-8. */
    private static final char TOPIC_MARKER = '\u0001';

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void topicsWithAnyUnicodeCharacterArrive(MqttProtocolVersion version) throws Exception {
        try (MosquittoBroker broker = startMosquitto();
             HiveMqConnections connections = new HiveMqConnections();
             RawMqttPublisher device = RawMqttPublisher.connect(broker.getBrokerUrl(), "raw-device")) {
            HiveMqConnection connection = connections.start(broker.getBrokerUrl(), version);
            ConnectionEvents events = ConnectionEvents.of(connection);
            HiveMqConnections.Inbox inbox = new HiveMqConnections.Inbox();
            connection.subscribe(Subscription.of("$rrpc/txd/P/D/+", 0, inbox));

            // an emoji (outside the Basic Multilingual Plane) and a full-width '！' (U+FF01)
            device.publish("$rrpc/txd/P/D/\uD83D\uDE00", text("emoji"));
            device.publish("$rrpc/txd/P/D/\uFF01", text("full-width"));

            assertThat(inbox.next().topic()).isEqualTo("$rrpc/txd/P/D/\uD83D\uDE00");
            assertThat(inbox.next().topic()).isEqualTo("$rrpc/txd/P/D/\uFF01");
            assertThat(events.lost).hasValue(0);
        }
    }

    @Test
    void mqtt5BrokerDropsMessagesOverOurMaximumPacketSize() throws Exception {
        try (MosquittoBroker broker = startMosquitto();
             HiveMqConnections connections = new HiveMqConnections()) {
            HiveMqConnection connection = connections.start(
                    HiveMqConnections.settings(broker.getBrokerUrl(), MAX_PAYLOAD), MqttProtocolVersion.V5);
            HiveMqConnection device = connections.start(broker.getBrokerUrl(), MqttProtocolVersion.V3_1_1);
            ConnectionEvents events = ConnectionEvents.of(connection);
            HiveMqConnections.Inbox inbox = new HiveMqConnections.Inbox();
            connection.subscribe(Subscription.of("$rrpc/txd/P/D/+", 1, inbox));

            device.publish(OutboundMessage.of("$rrpc/txd/P/D/big", new byte[1024 * 1024], 1)).get();
            device.publish(OutboundMessage.of("$rrpc/txd/P/D/small", text("small"), 1)).get();

            // one publisher's messages arrive in order: the small one first means the big one never comes
            assertThat(inbox.next().topic()).isEqualTo("$rrpc/txd/P/D/small");
            assertThat(events.lost).hasValue(0);
            assertThat(connection.isHealthy()).isTrue();
        }
    }

    @Test
    void mqtt311CannotLimitWhatTheBrokerSends() throws Exception {
        try (MosquittoBroker broker = startMosquitto();
             HiveMqConnections connections = new HiveMqConnections()) {
            HiveMqConnection connection = connections.start(broker.getBrokerUrl(), MqttProtocolVersion.V3_1_1);
            HiveMqConnections.Inbox inbox = new HiveMqConnections.Inbox();
            connection.subscribe(Subscription.of("$rrpc/txd/P/D/+", 1, inbox));

            connection.publish(OutboundMessage.of("$rrpc/txd/P/D/big", new byte[1024 * 1024], 1)).get();

            assertThat(inbox.next().payload()).hasSize(1024 * 1024);
        }
    }

    /**
     * MQTT requires a client to close the connection on a malformed packet: the connection's status names the cause
     * and counts the packet. Mosquitto and Moquette 0.17 on Netty 4.2 refuse a topic with U+0000 from a publisher, so
     * the device publishes U+0001 and a proxy turns it into U+0000 on its way from the broker to us.
     */
    @Test
    void aMalformedTopicCostsOneNamedAndCountedReconnect() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().start();
             MqttPacketProxy proxy = new MqttPacketProxy(broker.getBrokerUrl(), MqttPacketProxy.PacketRule.PASS,
                     HiveMqWireLimitsIT::nulForMarkerInTopic);
             HiveMqConnections connections = new HiveMqConnections();
             RawMqttPublisher device = RawMqttPublisher.connect(broker.getBrokerUrl(), "raw-device")) {
            HiveMqConnection connection = connections.start(proxy.url(), MqttProtocolVersion.V3_1_1);
            ConnectionEvents events = ConnectionEvents.of(connection);
            ConnectionMonitor monitor = new ConnectionMonitor(new TransportView(connection), () -> 0, Clock.systemUTC());
            connection.addListener(monitor);
            HiveMqConnections.Inbox inbox = new HiveMqConnections.Inbox();
            connection.subscribe(Subscription.of("$rrpc/txd/P/D/+", 0, inbox));

            device.publish("$rrpc/txd/P/D/" + TOPIC_MARKER, text("malformed"));

            await().until(() -> events.lost.get() == 1 && connection.isHealthy());
            assertThat(monitor.status().lastFailure())
                    .isEqualTo("connection lost: malformed packet from the broker (Exception while decoding PUBLISH:"
                               + " malformed topic): an MQTT client must close the connection on one (MQTT 3.1.1 section 4.8,"
                               + " MQTT 5 section 4.13)");
            assertThat(monitor.status().details()).containsEntry("undecodable.packets", 1L);
            device.publish("$rrpc/txd/P/D/after", text("after"));
            assertThat(inbox.next().topic()).isEqualTo("$rrpc/txd/P/D/after");
        }
    }

    /** Turns each {@link #TOPIC_MARKER} in the topic of a PUBLISH into U+0000: one byte for one, lengths stay. */
    private static boolean nulForMarkerInTopic(MqttPacketProxy.Packet packet) {
        if (packet.isPublish()) {
            byte[] body = packet.body();
            int topicEnd = 2 + ((body[0] & 0xFF) << 8 | body[1] & 0xFF);
            for (int i = 2; i < topicEnd; i++) {
                if (body[i] == TOPIC_MARKER) {
                    body[i] = 0;
                }
            }
        }
        return true;
    }

    private static MosquittoBroker startMosquitto() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
        return MosquittoBroker.builder().start();
    }
}
