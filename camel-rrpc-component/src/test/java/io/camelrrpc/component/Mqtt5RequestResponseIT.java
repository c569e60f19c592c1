package io.camelrrpc.component;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.PublishResult;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MQTT 5 request/response with clients that share no code with the component, on Mosquitto: the consumer answers
 * {@code mosquitto_rr} on its Response Topic with its Correlation Data; the producer calls a responder made of
 * {@code mosquitto_sub} and {@code mosquitto_pub} and matches its replies by their Correlation Data; a request's
 * Message Expiry keeps it from a persistent-session device that reconnects after its call's timeout.
 */
class Mqtt5RequestResponseIT extends MosquittoClientsTestSupport {

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

    /**
     * A device with a persistent MQTT 5 session (clean start off, session expiry 60 s, QoS 1) goes offline; the broker
     * keeps requests for it. A call with a 1 s timeout (so a 1 s message expiry) is not delivered when the device
     * comes back more than 2 s later, while a call with a 30 s timeout sent after it is: it is the first and only
     * message the device gets.
     */
    @Test
    void expiredRequestIsNotDeliveredToAPersistentSessionDeviceThatReconnectsLater() throws Exception {
        String[] device = {"-V", "5", "-c", "-i", "sleeper-device", "-x", "60", "-q", "1", "-t", "$rrpc/rxd/P/sleeper/+",
                "-F", "%p"};
        MosquittoClients.Background firstVisit = clients.subscribe("sleeper-first-visit", device);
        try (HiveMqConnections probes = new HiveMqConnections()) {
            HiveMqConnection probe = probes.start(broker.getBrokerUrl(), MqttProtocolVersion.V5);
            await("the device subscribed").atMost(Duration.ofSeconds(10)).until(() -> probe.publish(
                    OutboundMessage.of("$rrpc/rxd/P/sleeper/probe", HiveMqDollarTopicsIT.text("probe"), 1)).get().reasonCode()
                                                                                    == PublishResult.SUCCESS);
        }
        firstVisit.process().destroy();
        assertThat(firstVisit.process().waitFor(5, TimeUnit.SECONDS)).as("device disconnected").isTrue();
        node = mqtt5Node("caller").start();

        Exchange stale = node.request("rrpc:P/sleeper", "stale", Map.of(RrpcConstants.REQUEST_TIMEOUT, 1000));
        long staleExpiredBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        node.asyncRequest("rrpc:P/sleeper", "fresh", Map.of(RrpcConstants.REQUEST_TIMEOUT, 30_000));
        assertThat(stale.getException()).as("the call to the offline device").isInstanceOf(RrpcTimeoutException.class);
        await("2 s after the stale request was sent").atMost(Duration.ofSeconds(5))
                .until(() -> System.nanoTime() - staleExpiredBy >= 0);
        MosquittoClients.Background secondVisit = clients.subscribe("sleeper-second-visit", append(device, "-C", "1"));

        await("the device got a request").atMost(Duration.ofSeconds(10)).until(() -> !secondVisit.isAlive());
        assertThat(secondVisit.output().strip()).isEqualTo("fresh");
    }

    private static String[] append(String[] arguments, String... more) {
        String[] all = Arrays.copyOf(arguments, arguments.length + more.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return all;
    }
}
