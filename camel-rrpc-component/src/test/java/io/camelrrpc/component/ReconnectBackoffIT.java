package io.camelrrpc.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconnect pauses against a broker that stays away: about 1 s, then doubling, never over maxReconnectDelay, each
 * drawn between half and all of that (jitter); and each connection has its own, so a connection that just lost its
 * broker starts with a short pause although another one of the JVM has been failing for a while.
 */
class ReconnectBackoffIT {

    private static final int MAX_RECONNECT_DELAY = 3000;
    /** How late a pause may end on a busy 2-core machine. */
    private static final long LATENESS_MILLIS = 400;

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void pausesGrowToMaxReconnectDelayWithJitterAndEachConnectionHasItsOwn() throws Exception {
        EmbeddedMqttBroker first = closer.add(EmbeddedMqttBroker.builder().start());
        EmbeddedMqttBroker second = closer.add(EmbeddedMqttBroker.builder().start());
        HiveMqConnections connections = closer.add(new HiveMqConnections());
        connections.start(first.getBrokerUrl(), MqttProtocolVersion.V3_1_1, ReconnectBackoffIT::maxReconnectDelay);
        HiveMqConnection late = connections.start(second.getBrokerUrl(), MqttProtocolVersion.V3_1_1,
                ReconnectBackoffIT::maxReconnectDelay);

        long firstLost = System.nanoTime();
        RefusingListener firstGone = closer.add(replace(first));
        await("three attempts at the first broker").atMost(Duration.ofSeconds(20))
                .until(() -> firstGone.attempts().size() >= 3);
        long secondLost = System.nanoTime();
        RefusingListener secondGone = closer.add(replace(second));
        await("an attempt at the second broker").atMost(Duration.ofSeconds(20))
                .until(() -> !secondGone.attempts().isEmpty());

        List<Long> pauses = pauses(firstLost, firstGone.attempts());
        // one broker: each failure ends a round; the pause doubles from 1 s up to the cap, jittered to half of it
        assertBetween(pauses.get(0), 500, 1000);
        assertBetween(pauses.get(1), 1000, 2000);
        assertBetween(pauses.get(2), MAX_RECONNECT_DELAY / 2, MAX_RECONNECT_DELAY);
        // while the first connection is at its longest pauses, the second one starts with its own short one
        assertBetween(pauses(secondLost, secondGone.attempts()).get(0), 500, 1000);
        assertThat(late.isConnected()).isFalse();
    }

    /** Stops the broker and listens on its port instead, refusing every connection. */
    private static RefusingListener replace(EmbeddedMqttBroker broker) {
        broker.stop();
        return new RefusingListener(broker.getHost(), broker.getPort());
    }

    /** From the loss to the first attempt, then between attempts, in ms. */
    private static List<Long> pauses(long lostNanos, List<Long> attempts) {
        List<Long> pauses = new ArrayList<>();
        long previous = lostNanos;
        for (long attempt : attempts) {
            pauses.add(TimeUnit.NANOSECONDS.toMillis(attempt - previous));
            previous = attempt;
        }
        return pauses;
    }

    private static void assertBetween(long pause, long min, long max) {
        assertThat(pause).as("pause in ms").isBetween(min, max + LATENESS_MILLIS);
    }

    private static ConnectionSettings maxReconnectDelay(ConnectionSettings settings) {
        return new ConnectionSettings(settings.brokerUrl(), settings.clientId(), null, null, true, 60, 5, true,
                MAX_RECONNECT_DELAY, null, null, settings.protocolVersion(), settings.maxPayloadSize());
    }
}
