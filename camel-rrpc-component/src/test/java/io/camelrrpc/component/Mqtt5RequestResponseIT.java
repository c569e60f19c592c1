package io.camelrrpc.component;

import java.time.Duration;
import java.util.Map;

import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.mqtt.Transport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * MQTT 5 request/response with clients that share no code with the component, on Mosquitto: the consumer answers
 * {@code mosquitto_rr} on its Response Topic with its Correlation Data; the producer calls a responder made of
 * {@code mosquitto_sub} and {@code mosquitto_pub} and matches its replies by their Correlation Data.
 */
class Mqtt5RequestResponseIT {

    private static MosquittoBroker broker;
    private MosquittoClients clients;
    private RrpcNode node;

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
        }
    }

    @BeforeEach
    void startClients() {
        clients = new MosquittoClients("127.0.0.1", broker.getPort());
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        clients.close();
    }

    private RrpcNode mqtt5Node(String name) {
        return RrpcNode.create(name, broker.getBrokerUrl(), c -> {
            c.setTransport(Transport.HiveMQ);
            c.setProtocolVersion("5");
        });
    }

    /**
     * mosquitto_rr publishes to its {@code -t} topic, which must fit the request template for the consumer to find
     * the processId ({@code abc} here); the reply goes to its {@code -e} topic, not to the template's reply topic.
     */
    @Test
    void consumerRepliesOnTheResponseTopicWithTheCorrelationData() throws Exception {
        node = mqtt5Node("device").routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+")).start();

        String reply = clients.requestReplyMqtt5("$rrpc/rxd/P/lamp/abc", "apps/console/replies", "corr-42", "on");

        assertThat(reply).isEqualTo("apps/console/replies|corr-42|lamp:on");
    }

    @Test
    void producerMatchesTheRepliesOfAnIndependentResponderByCorrelationData() throws Exception {
        clients.startMqtt5Responder("$rrpc/rxd/P/+/+");
        node = mqtt5Node("caller").start();
        awaitResponderSubscribed();

        Exchange call = node.request("rrpc:P/lamp", "on");

        assertThat(RrpcNode.replyText(call)).isEqualTo("ack:on");
        assertThat(node.correlator().statistics().misaddressedReplies()).isZero();
    }

    /** The reply comes on the call's own reply topic, but its Correlation Data names another call. */
    @Test
    void replyWhoseCorrelationDataDisagreesWithItsTopicIsDroppedAsMisaddressed() throws Exception {
        clients.startMqtt5Responder("$rrpc/rxd/P/+/+");
        node = mqtt5Node("caller").start();
        awaitResponderSubscribed();

        Exchange call = node.request("rrpc:P/lamp", "forge:someone-else", Map.of(RrpcConstants.REQUEST_TIMEOUT, 1000));

        assertThat(call.getException()).isInstanceOf(RrpcTimeoutException.class);
        assertThat(node.correlator().statistics().misaddressedReplies()).isEqualTo(1);
        assertThat(node.correlator().statistics().replies()).isEqualTo(1);
    }

    private void awaitResponderSubscribed() {
        await("a call the responder's mosquitto_sub is subscribed for").atMost(Duration.ofSeconds(10))
                .until(() -> node.request("rrpc:P/ready", "ping", Map.of(RrpcConstants.REQUEST_TIMEOUT, 500))
                        .getException() == null);
    }
}
