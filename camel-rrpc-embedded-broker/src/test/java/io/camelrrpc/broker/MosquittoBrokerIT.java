package io.camelrrpc.broker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A plain {@link MosquittoBroker}: RRPC round trip, restart on the same port, start failures. */
class MosquittoBrokerIT {

    @BeforeAll
    static void requireMosquitto() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
    }

    @Test
    void rrpcRoundTrip() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start();
             TestMqttClient device = TestMqttClient.connect(broker.getBrokerUrl());
             TestMqttClient server = TestMqttClient.connect(broker.getBrokerUrl())) {
            assertEquals("tcp://127.0.0.1:" + broker.getPort(), broker.getBrokerUrl());
            RrpcExchange.assertRoundTrip(server, device, "1");
        }
    }

    /** Per MQTT 3.1.1 section 4.7.2 (unlike Moquette 0.17), {@code #} does not match {@code $} topics. */
    @Test
    void hashDoesNotMatchDollarTopics() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start();
             TestMqttClient client = TestMqttClient.connect(broker.getBrokerUrl())) {
            client.subscribe("#", 1);

            client.publish("$rrpc/rxd/P/D/hash", "dollar", 1);
            client.publish("plain/marker", "marker", 1);

            // messages from one publisher arrive in order: the marker first means the $ message never comes
            assertEquals("plain/marker", client.awaitMessage().topic());
        }
    }

    @Test
    void clientsReconnectAfterARestartOnTheSamePort() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
            TestMqttClient.Options reconnecting = TestMqttClient.Options.reconnecting();
            try (TestMqttClient device = TestMqttClient.connect(broker.getBrokerUrl(), reconnecting);
                 TestMqttClient server = TestMqttClient.connect(broker.getBrokerUrl(), reconnecting)) {
                int port = broker.getPort();

                broker.restart();

                assertEquals(port, broker.getPort());
                assertTrue(device.awaitReconnect(Duration.ofSeconds(10)), "device did not reconnect");
                assertTrue(server.awaitReconnect(Duration.ofSeconds(10)), "server did not reconnect");
                // clean sessions: subscriptions are gone after the restart and are made again here
                RrpcExchange.assertRoundTrip(server, device, "2");
            }
        }
    }

    @Test
    void aPausedBrokerAnswersNothingUntilResumed() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start();
             TestMqttClient client = TestMqttClient.connect(broker.getBrokerUrl())) {
            client.subscribe("paused/+", 1);

            broker.pause();
            CompletableFuture<?> sent = client.publishWithoutWaiting("paused/1", "while paused", 1);
            // a running broker acknowledges within a millisecond; a paused one never does
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !sent.isDone());

            broker.resume();
            sent.get(TestMqttClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals("while paused", client.awaitMessage().text());
        }
    }

    @Test
    void logPacketsLogsEverySubscribe() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().logPackets().start();
             TestMqttClient client = TestMqttClient.connect(broker.getBrokerUrl())) {
            client.subscribe("logged/+", 1);

            assertTrue(broker.logTail().contains("Received SUBSCRIBE from "), broker.logTail());
        }
    }

    @Test
    void pauseNeedsARunningBroker() {
        try (MosquittoBroker broker = MosquittoBroker.builder().build()) {
            assertThrows(IllegalStateException.class, broker::pause);
        }
    }

    @Test
    void startFailsWithTheLogTailWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MosquittoBroker.Builder builder = MosquittoBroker.builder().port(taken.getLocalPort());

            IllegalStateException failure = assertThrows(IllegalStateException.class, builder::start);

            assertTrue(failure.getMessage().contains("Address already in use"), failure.getMessage());
        }
    }

    @Test
    void closeDeletesTheLog() {
        MosquittoBroker broker = MosquittoBroker.builder().start();
        Path log = broker.getLogFile();
        assertTrue(broker.isRunning());
        assertTrue(Files.exists(log));

        broker.close();

        assertFalse(broker.isRunning());
        assertFalse(Files.exists(log));
    }
}
