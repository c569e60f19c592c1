package io.camelrrpc.broker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two mosquitto brokers joined by a bridge: the server side talks to the local broker (the one with
 * the bridge), the device to the remote one.
 */
class MosquittoBridgeIT {

    private MosquittoBroker remote;
    private MosquittoBroker local;

    @BeforeAll
    static void requireMosquitto() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
    }

    @BeforeEach
    void startBrokers() {
        remote = MosquittoBroker.builder().start();
        local = MosquittoBroker.builder().bridgeTo(remote).start();
    }

    @AfterEach
    void stopBrokers() {
        local.close();
        remote.close();
    }

    @Test
    void rrpcCallCrossesTheBridgeBothWays() throws Exception {
        try (TestMqttClient server = TestMqttClient.connect(local.getBrokerUrl());
             TestMqttClient device = TestMqttClient.connect(remote.getBrokerUrl())) {
            awaitBridgeUp();

            RrpcExchange.assertRoundTrip(server, device, "1");
        }
    }

    @Test
    void plainTopicsCrossTheBridgeToo() throws Exception {
        try (TestMqttClient publisher = TestMqttClient.connect(local.getBrokerUrl());
             TestMqttClient subscriber = TestMqttClient.connect(remote.getBrokerUrl())) {
            awaitBridgeUp();
            subscriber.subscribe("devices/P/D/events", 1);

            publisher.publish("devices/P/D/events", "plain", 1);

            TestMqttClient.Received event = subscriber.awaitMessage();
            assertEquals("devices/P/D/events", event.topic());
            assertEquals("plain", event.text());
        }
    }

    @Test
    void bridgeReconnectsAfterTheRemoteBrokerRestarts() throws Exception {
        try (TestMqttClient server = TestMqttClient.connect(local.getBrokerUrl());
             TestMqttClient device = TestMqttClient.connect(remote.getBrokerUrl(), TestMqttClient.Options.reconnecting())) {
            awaitBridgeUp();

            remote.restart();

            assertTrue(device.awaitReconnect(Duration.ofSeconds(10)), "device did not reconnect");
            awaitBridgeUp();
            RrpcExchange.assertRoundTrip(server, device, "2");
        }
    }

    /**
     * Waits until {@code $rrpc} probes cross in both directions: the bridge connects and subscribes on
     * the remote broker asynchronously, after both brokers are up.
     */
    private void awaitBridgeUp() throws Exception {
        awaitCrossing(local, remote, "$rrpc/probe/out");
        awaitCrossing(remote, local, "$rrpc/probe/in");
    }

    private static void awaitCrossing(MosquittoBroker from, MosquittoBroker to, String topic) throws Exception {
        try (TestMqttClient sender = TestMqttClient.connect(from.getBrokerUrl());
             TestMqttClient receiver = TestMqttClient.connect(to.getBrokerUrl()).subscribe(topic, 0)) {
            await("bridge carries " + topic)
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        sender.publish(topic, "probe", 0);
                        return receiver.pollMessage() != null;
                    });
        }
    }
}
