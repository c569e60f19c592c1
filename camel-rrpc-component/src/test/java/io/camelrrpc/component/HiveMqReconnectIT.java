package io.camelrrpc.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.camelrrpc.component.HiveMqDollarTopicsIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * After the broker restarts (a clean session lost), the HiveMQ transport reconnects, makes all its subscriptions again
 * in batched SUBSCRIBE packets, and tells its listeners once that the connection was lost and once that it is back.
 */
class HiveMqReconnectIT {

    /** More than one SUBSCRIBE packet's worth. */
    private static final int DEVICES = 300;
    /** What the devices' filters take when sent again together: up to 100 per packet. */
    private static final int SUBSCRIBE_PACKETS = 3;

    @BeforeAll
    static void requireMosquitto() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
    }

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void restartedBrokerGetsEverySubscriptionBackInBatches(MqttProtocolVersion version) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().logPackets().start();
             HiveMqConnections connections = new HiveMqConnections()) {
            HiveMqConnection server = connections.start(broker.getBrokerUrl(), version, HiveMqReconnectIT::quickReconnect);
            HiveMqConnection device = connections.start(broker.getBrokerUrl(), version, HiveMqReconnectIT::quickReconnect);
            ConnectionEvents events = ConnectionEvents.of(server);
            HiveMqConnections.Inbox replies = new HiveMqConnections.Inbox();
            List<Subscription> subscriptions = IntStream.range(0, DEVICES)
                    .mapToObj(i -> Subscription.of("$rrpc/txd/P/D" + i + "/+", 1, replies)).toList();
            // one by one, as per-device reply subscriptions come
            for (Subscription subscription : subscriptions) {
                server.subscribe(subscription);
            }
            assertThat(subscribePackets(broker, server)).isEqualTo(DEVICES);

            broker.restart();

            await().until(() -> events.restored.get() == 1);
            assertThat(events.lost).hasValue(1);
            assertThat(events.reconnected).as("told before the restore starts").hasValue(1);
            assertThat(server.isHealthy()).isTrue();
            assertThat(subscribePackets(broker, server)).isEqualTo(DEVICES + SUBSCRIBE_PACKETS);
            await().until(device::isConnected);
            for (int i = 0; i < DEVICES; i++) {
                device.publish(OutboundMessage.of("$rrpc/txd/P/D" + i + "/1", text("reply " + i), 1)).get();
            }
            await().until(() -> replies.size() == DEVICES);
        }
    }

    private static ConnectionSettings quickReconnect(ConnectionSettings settings) {
        return new ConnectionSettings(settings.brokerUrl(), settings.clientId(), null, null, true, 60, 5, true, 500,
                null, null, settings.protocolVersion(), settings.maxPayloadSize());
    }

    private static long subscribePackets(MosquittoBroker broker, HiveMqConnection connection) throws Exception {
        Pattern subscribe = Pattern.compile("Received SUBSCRIBE from " + Pattern.quote(connection.clientId()) + "$");
        return Files.readAllLines(broker.getLogFile(), StandardCharsets.UTF_8).stream()
                .filter(line -> subscribe.matcher(line).find()).count();
    }
}
