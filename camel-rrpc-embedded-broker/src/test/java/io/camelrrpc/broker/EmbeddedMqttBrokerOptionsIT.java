package io.camelrrpc.broker;

import org.junit.jupiter.api.Test;

import io.camelrrpc.broker.TestMqttClient.Options;

import java.io.File;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EmbeddedMqttBroker} options that need a broker of their own. */
class EmbeddedMqttBrokerOptionsIT {

    @Test
    void credentialsAreRequiredWhenConfigured() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().credentials("user", "secret").start()) {
            try (TestMqttClient client = TestMqttClient.connect(broker, Options.login("user", "secret"))) {
                assertTrue(client.isConnected());
            }
            TestMqttClient.assertLoginRefused(broker.getBrokerUrl(), Options.login("user", "wrong"));
            TestMqttClient.assertLoginRefused(broker.getBrokerUrl(), TestMqttClient.Options.DEFAULT);
        }
    }

    @Test
    void packetsAboveMaxMessageSizeCloseTheConnection() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().maxMessageSize(8 * 1024).start();
             TestMqttClient client = TestMqttClient.connect(broker)) {
            client.publish("$rrpc/rxd/P/D/1", new byte[4 * 1024], 1);

            assertThrows(ExecutionException.class, () -> client.publish("$rrpc/rxd/P/D/2", new byte[256 * 1024], 1));
            await().atMost(TestMqttClient.TIMEOUT).until(() -> !client.isConnected());
        }
    }

    @Test
    void aBurstOfQos0MessagesToOneClientIsNotDropped() throws Exception {
        int messages = 512;
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().start();
             TestMqttClient subscriber = TestMqttClient.connect(broker);
             TestMqttClient publisher = TestMqttClient.connect(broker)) {
            await().atMost(TestMqttClient.TIMEOUT).until(() -> broker.raisedClientBuffers() == 2);
            subscriber.subscribe("burst/+", 0);

            // 2 MiB as fast as the publisher can write; with Moquette's own 64 KiB mark (clientBufferBytes(65536))
            // this test fails: messages are dropped
            for (int i = 0; i < messages; i++) {
                publisher.publish("burst/" + i, new byte[4096], 0);
            }

            for (int i = 0; i < messages; i++) {
                assertEquals("burst/" + i, subscriber.awaitMessage().topic());
            }
        }
    }

    @Test
    void restartKeepsThePortAndWritesNoFiles() throws Exception {
        Set<String> filesBefore = Set.of(new File(".").list());
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().start()) {
            int port = broker.getPort();
            try (TestMqttClient client = TestMqttClient.connect(broker, Options.reconnecting())) {
                broker.stop();
                assertFalse(broker.isRunning());
                broker.start();

                assertEquals(port, broker.getPort());
                assertTrue(client.awaitReconnect(Duration.ofSeconds(10)), "client did not reconnect");
            }
        }
        assertEquals(filesBefore, Set.of(new File(".").list()), "files in the working directory");
    }

    @Test
    void stopsWithoutWaitingForNettysQuietPeriod() {
        assertTrue(QuickStop.isAvailable(), "Moquette's event loops are out of reach: every stop would take 2 s more");
    }


}
