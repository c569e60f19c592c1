package io.camelrrpc.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.PublishResult;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.camelrrpc.component.HiveMqDollarTopicsIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A broker that stops answering (mosquitto under {@code SIGSTOP}) never holds the calling thread: publishes are handed
 * over at once and end on their own, the keep-alive notices the silence and drops the connection, publishes fail at
 * once while it is down, and after {@code SIGCONT} the connection and its subscriptions come back.
 */
class HiveMqStalledBrokerIT {

    private static final int PUBLISHES = 2000;
    private static final int PAYLOAD_BYTES = 4096;

    @BeforeAll
    static void requireMosquitto() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
    }

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void stalledBrokerNeverBlocksTheCallerAndTheConnectionRecovers(MqttProtocolVersion version) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start();
             HiveMqConnections connections = new HiveMqConnections()) {
            HiveMqConnection connection = connections.start(broker.getBrokerUrl(), version,
                    HiveMqStalledBrokerIT::shortKeepAlive);
            ConnectionEvents events = ConnectionEvents.of(connection);
            HiveMqConnections.Inbox inbox = new HiveMqConnections.Inbox();
            connection.subscribe(Subscription.of("stall/+", 1, inbox));

            broker.pause();
            List<CompletableFuture<PublishResult>> publishes = new ArrayList<>();
            // 8 MB at QoS 0 and 1: far more than the socket buffers hold, so a blocking write would hang here
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < PUBLISHES; i++) {
                    publishes.add(connection.publish(OutboundMessage.of("stall/" + i, new byte[PAYLOAD_BYTES], i % 2)));
                }
            });

            await().until(() -> events.lost.get() == 1);
            await().until(() -> publishes.stream().allMatch(CompletableFuture::isDone));
            assertThat(publishes).anyMatch(CompletableFuture::isCompletedExceptionally);
            assertThat(connection.isHealthy()).isFalse();
            assertThatThrownBy(() -> connection.publish(OutboundMessage.of("stall/down", text("x"), 1)).getNow(null))
                    .hasCauseInstanceOf(MqttConnectionException.class).hasMessageContaining("not connected");

            broker.resume();

            await().until(() -> events.restored.get() == 1);
            assertThat(connection.isHealthy()).isTrue();
            connection.publish(OutboundMessage.of("stall/after", text("back"), 1)).get();
            assertThat(nextOn("stall/after", inbox).payload()).asString(StandardCharsets.UTF_8).isEqualTo("back");
            assertThat(events.lost).hasValue(1);
        }
    }

    /** Keep-alive 1 s, connect timeout 1 s, reconnect pauses up to 0.5 s. */
    private static ConnectionSettings shortKeepAlive(ConnectionSettings settings) {
        return new ConnectionSettings(settings.brokerUrl(), settings.clientId(), null, null, true, 1, 1, true, 500,
                null, null, settings.protocolVersion(), settings.maxPayloadSize());
    }

    /** Skips messages the broker read from the stalled connection's buffers after it went on. */
    private static InboundMessage nextOn(String topic, HiveMqConnections.Inbox inbox) throws InterruptedException {
        InboundMessage message = inbox.next();
        while (!message.topic().equals(topic)) {
            message = inbox.next();
        }
        return message;
    }
}
