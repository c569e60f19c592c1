package io.camelrrpc.component;

import io.camelrrpc.broker.MosquittoBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests against Debian's mosquitto and its command-line clients (skipped where they are not installed): one broker
 * per test class, fresh {@link MosquittoClients} per test, and the test's {@link #node}, if it made one, closed after it.
 */
abstract class MosquittoClientsTestSupport {

    protected static MosquittoBroker broker;
    protected MosquittoClients clients;
    protected RrpcNode node;

    @BeforeAll
    static void startBroker() {
        assumeTrue(MosquittoBroker.isInstalled() && MosquittoClients.areInstalled(),
                "mosquitto and mosquitto-clients are not installed");
        broker = MosquittoBroker.builder().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** A node on the broker speaking MQTT 5 (HiveMQ client) with QoS 1. */
    protected static RrpcNode mqtt5Node(String name) {
        return RrpcNode.create(name, broker.getBrokerUrl(), c -> {
            c.setProtocolVersion("5");
            c.setQos(1);
        });
    }

    @BeforeEach
    void startClients() {
        clients = new MosquittoClients("127.0.0.1", broker.getPort());
    }

    @AfterEach
    void stopNodeAndClients() {
        if (node != null) {
            node.close();
            node = null;
        }
        clients.close();
    }
}
