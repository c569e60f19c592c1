package io.camelrrpc.broker;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RRPC traffic through one shared {@link EmbeddedMqttBroker} with default options. */
class EmbeddedMqttBrokerIT {

    private static EmbeddedMqttBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedMqttBroker.builder().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void listensOnAFreeLoopbackPort() {
        assertTrue(broker.isRunning());
        assertNotEquals(0, broker.getPort());
        assertEquals("tcp://127.0.0.1:" + broker.getPort(), broker.getBrokerUrl());
    }

    @Test
    void rrpcRequestAndReplyUseDollarTopicsAndWildcards() throws Exception {
        try (TestMqttClient device = TestMqttClient.connect(broker);
             TestMqttClient server = TestMqttClient.connect(broker)) {
            device.subscribe("$rrpc/rxd/P/D/+", 0);
            server.subscribe("$rrpc/txd/+/+/+", 0);

            server.publish("$rrpc/rxd/P/D/0000000000000001", "ping", 0);
            TestMqttClient.Received request = device.awaitMessage();
            assertEquals("$rrpc/rxd/P/D/0000000000000001", request.topic());
            assertEquals("ping", request.text());

            String processId = request.topic().substring(request.topic().lastIndexOf('/') + 1);
            device.publish("$rrpc/txd/P/D/" + processId, "pong", 0);
            TestMqttClient.Received reply = server.awaitMessage();
            assertEquals("$rrpc/txd/P/D/0000000000000001", reply.topic());
            assertEquals("pong", reply.text());
        }
    }

    @Test
    void exactDollarTopicFilterReceives() throws Exception {
        try (TestMqttClient subscriber = TestMqttClient.connect(broker);
             TestMqttClient publisher = TestMqttClient.connect(broker)) {
            subscriber.subscribe("$rrpc/txd/P/D/42", 1);

            publisher.publish("$rrpc/txd/P/D/42", "exact", 1);

            assertEquals("exact", subscriber.awaitMessage().text());
        }
    }

    /** Unlike mosquitto (and MQTT 3.1.1 section 4.7.2), Moquette 0.17 lets {@code #} match {@code $} topics. */
    @Test
    void awaitClientConnectedReturnsOnceTheBrokerCompletedTheConnection() throws Exception {
        assertThrows(TimeoutException.class, () -> broker.awaitClientConnected("nobody", Duration.ofMillis(50)));
        try (TestMqttClient client = TestMqttClient.connect(broker.getBrokerUrl())) {
            broker.awaitClientConnected(client.clientId(), Duration.ofSeconds(10));
            client.subscribe("after/connack", 0);
        }
    }

    @Test
    void hashAlsoMatchesDollarTopics() throws Exception {
        try (TestMqttClient client = TestMqttClient.connect(broker)) {
            client.subscribe("#", 1);

            client.publish("$rrpc/rxd/P/D/hash", "dollar", 1);
            client.publish("plain/marker", "marker", 1);

            assertEquals("$rrpc/rxd/P/D/hash", client.awaitMessage().topic());
            assertEquals("plain/marker", client.awaitMessage().topic());
        }
    }

    @Test
    void carriesA256KibPayload() throws Exception {
        byte[] payload = new byte[256 * 1024];
        new Random(7).nextBytes(payload);
        try (TestMqttClient subscriber = TestMqttClient.connect(broker);
             TestMqttClient publisher = TestMqttClient.connect(broker)) {
            subscriber.subscribe("$rrpc/rxd/P/D/+", 1);

            publisher.publish("$rrpc/rxd/P/D/big", payload, 1);

            byte[] received = subscriber.awaitMessage().payload();
            assertEquals(payload.length, received.length);
            assertArrayEquals(payload, received);
        }
    }
}
