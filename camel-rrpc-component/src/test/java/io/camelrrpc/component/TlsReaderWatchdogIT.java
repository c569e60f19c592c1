package io.camelrrpc.component;

import java.nio.charset.StandardCharsets;

import io.camelrrpc.component.internal.mqtt.MqttConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over TLS the topic guard cannot see the packets, so a topic Paho 1.2.5 cannot decode still kills its reader
 * thread; the connection notices within about a second, reconnects, resubscribes, and calls work again.
 */
class TlsReaderWatchdogIT {

    private static TlsMosquitto tls;
    private RrpcNode node;

    @BeforeAll
    static void startBroker() {
        tls = TlsMosquitto.start(b -> b);
    }

    @AfterAll
    static void stopBroker() {
        TlsMosquitto.close(tls);
    }

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void deadReaderIsNoticedAndTheConnectionMadeAgain() throws Exception {
        node = RrpcNode.create("tls", tls.broker().getTlsBrokerUrl(), c -> {
            c.setSslContextParameters(RrpcNode.trusting(tls.certificates()));
            c.setMaxReconnectDelay(1000);
        }).routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+")).start();
        assertThat(RrpcNode.replyText(node.request("rrpc:P/D", "before"))).isEqualTo("D:before");
        MqttConnection connection = node.pahoConnection();

        try (RawMqttPublisher attacker = RawMqttPublisher.connect(tls.broker().getBrokerUrl(), "attacker")) {
            attacker.publish("$rrpc/txd/P/D/\uFF01", "poison".getBytes(StandardCharsets.UTF_8));
        }

        // the reader thread dies of an uncaught exception, which Awaitility would otherwise report as the failure
        await().dontCatchUncaughtExceptions().until(() -> connection.deadReaders() == 1);
        await().dontCatchUncaughtExceptions().untilAsserted(() -> assertThat(RrpcNode.replyText(node.request("rrpc:P/D?requestTimeout=1000", "after")))
                .isEqualTo("D:after"));
        assertThat(connection.isHealthy()).isTrue();
    }
}
