package io.camelrrpc.component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.camelrrpc.component.internal.correlation.CorrelationStatistics;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import io.camelrrpc.component.spi.ConnectionStatus;
import io.camelrrpc.component.spi.ReplyDropReason;
import io.camelrrpc.component.spi.RequestDropReason;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelrrpc.component.HiveMqDollarTopicsIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad MQTT 5 input from devices, through Debian mosquitto, against a node whose producer and consumer share one MQTT 5
 * connection (HiveMQ transport). What mosquitto refuses (malformed properties) costs the device its connection and
 * never reaches us; what it passes on and we can read is dropped and counted, and our connection stays up; what it
 * passes on although an MQTT 5 client must not accept it (a Response Topic with wildcards, or empty) costs one
 * reconnect, which the connection's status names and counts.
 */
class Mqtt5BadInputIT extends MosquittoClientsTestSupport {

    private static final byte[] NOT_UTF8 = { 'o', 'n', (byte) 0xC3, '(' };

    private final BlockingQueue<String> served = new LinkedBlockingQueue<>();
    private ConnectionEvents events;
    private DropReasons drops;

    /** A gateway for the devices of P that answers {@code <device>:<request>}, and a first call through it. */
    @BeforeEach
    void startNode() throws Exception {
        node = mqtt5Node("mqtt5").routes(r -> r.from("rrpc:P/+").process(e -> served.add(e.getIn().getBody(String.class)))
                .setBody(r.simple("${header." + RrpcConstants.DEVICE_NAME + "}:${body}"))).start();
        assertThat(RrpcNode.replyText(node.request("rrpc:P/lamp", "first"))).isEqualTo("lamp:first");
        served.clear();
        events = ConnectionEvents.of(node.connection());
        drops = DropReasons.of(node);
    }

    static Stream<Arguments> malformedProperties() {
        return Stream.of(
                Arguments.of("unknown property identifier", new RawMqttPublisher.Properties().raw(0x7F, 0x00)),
                Arguments.of("property length past the end",
                        new RawMqttPublisher.Properties().raw(0x09, 0x00, 0x10, 'a', 'b')),
                Arguments.of("correlation data twice",
                        new RawMqttPublisher.Properties().correlationData("a").correlationData("b")));
    }

    /** Mosquitto disconnects a publisher that sends malformed properties: nothing reaches us. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedProperties")
    void malformedPropertiesCostTheDeviceItsConnectionNotUs(String name, RawMqttPublisher.Properties properties)
            throws Exception {
        try (RawMqttPublisher device = RawMqttPublisher.connectMqtt5(broker.getBrokerUrl(), "bad-properties")) {
            device.publish("$rrpc/rxd/P/lamp/0000000000000001", properties, text("malformed"));

            assertThat(device.closedByBroker(Duration.ofSeconds(5))).as("the device is cut off").isTrue();
        }

        assertThat(RrpcNode.replyText(node.request("rrpc:P/lamp", "after"))).isEqualTo("lamp:after");
        assertThat(served).containsExactly("after");
        assertThat(drops.total()).isZero();
        assertThat(events.lost).hasValue(0);
    }

    /** MQTT 5 lets a receiver check a payload that claims to be UTF-8 text; the consumer drops one that is not. */
    @Test
    void requestThatIsNotTheUtf8ItClaimsIsDroppedAndCounted() throws Exception {
        try (RawMqttPublisher device = RawMqttPublisher.connectMqtt5(broker.getBrokerUrl(), "bad-text")) {
            device.publish("$rrpc/rxd/P/lamp/0000000000000002", new RawMqttPublisher.Properties().utf8Payload(),
                    NOT_UTF8);
            device.publish("$rrpc/rxd/P/lamp/0000000000000003", new RawMqttPublisher.Properties().utf8Payload(),
                    text("good text"));
        }

        assertThat(served.poll(10, TimeUnit.SECONDS)).isEqualTo("good text");
        assertThat(served).isEmpty();
        assertThat(consumer().getDroppedRequests()).isOne();
        assertThat(drops.count(RequestDropReason.MALFORMED)).isOne();
        assertThat(RrpcNode.replyText(node.request("rrpc:P/lamp", "after"))).isEqualTo("lamp:after");
        assertThat(events.lost).hasValue(0);
    }

    /** A reply that is not the UTF-8 it claims fails its call at once, instead of handing on broken text. */
    @Test
    void replyThatIsNotTheUtf8ItClaimsFailsItsCallAndIsCounted() throws Exception {
        try (FakeDevice quiet = FakeDevice.start(broker.getBrokerUrl(), "Q", "quiet");
             RawMqttPublisher device = RawMqttPublisher.connectMqtt5(broker.getBrokerUrl(), "bad-reply")) {
            CompletableFuture<Exchange> call = node.asyncRequest("rrpc:Q/quiet", "status?", Map.of());
            String processId = quiet.nextRequest().address().processId();

            device.publish("$rrpc/txd/Q/quiet/" + processId,
                    new RawMqttPublisher.Properties().correlationData(processId).utf8Payload(), NOT_UTF8);

            assertThat(call.get(3, TimeUnit.SECONDS).getException()).isInstanceOf(RrpcCallException.class)
                    .hasMessageContaining("Q/quiet").hasMessageContaining(processId)
                    .hasMessageContaining("not valid UTF-8");
        }
        assertThat(node.correlator().statistics().malformedReplies()).isOne();
        assertThat(drops.count(ReplyDropReason.MALFORMED)).isOne();
        assertThat(RrpcNode.replyText(node.request("rrpc:P/lamp", "after"))).isEqualTo("lamp:after");
        assertThat(events.lost).hasValue(0);
    }

    @Test
    void replyWhoseCorrelationDataMatchesNoCallIsDroppedAndCounted() throws Exception {
        CorrelationStatistics statistics = node.correlator().statistics();
        try (FakeDevice quiet = FakeDevice.start(broker.getBrokerUrl(), "Q", "quiet");
             RawMqttPublisher device = RawMqttPublisher.connectMqtt5(broker.getBrokerUrl(), "stray-reply")) {
            CompletableFuture<Exchange> call = node.asyncRequest("rrpc:Q/quiet", "status?", Map.of());
            String processId = quiet.nextRequest().address().processId();

            device.publish("$rrpc/txd/Q/quiet/nobodysCall00000",
                    new RawMqttPublisher.Properties().correlationData("nobodysCall00000"), text("stray"));
            device.publish("$rrpc/txd/Q/quiet/" + processId,
                    new RawMqttPublisher.Properties().correlationData(processId), text("ok"));

            assertThat(RrpcNode.replyText(call.get(3, TimeUnit.SECONDS))).isEqualTo("ok");
        }
        assertThat(statistics.unmatchedReplies()).isOne();
        assertThat(drops.count(ReplyDropReason.UNMATCHED)).isOne();
        assertThat(events.lost).hasValue(0);
    }

    /** {@code $} is a topic name an MQTT 5 client may publish to (mosquitto takes it): the consumer answers there. */
    @Test
    void requestWithTheResponseTopicDollarIsAnsweredThere() throws Exception {
        try (HiveMqConnections listeners = new HiveMqConnections();
             RawMqttPublisher device = RawMqttPublisher.connectMqtt5(broker.getBrokerUrl(), "dollar-requester")) {
            HiveMqConnection listener = listeners.start(broker.getBrokerUrl(), MqttProtocolVersion.V5);
            HiveMqConnections.Inbox inbox = new HiveMqConnections.Inbox();
            listener.subscribe(Subscription.of("$", 0, inbox));

            device.publish("$rrpc/rxd/P/lamp/0000000000000004", new RawMqttPublisher.Properties().responseTopic("$"),
                    text("dollar"));

            assertThat(inbox.next().payload()).asString().isEqualTo("lamp:dollar");
        }
        assertThat(drops.total()).isZero();
        assertThat(events.lost).hasValue(0);
    }

    /**
     * Mosquitto 2.0.11 passes on a Response Topic with wildcards or an empty one, which MQTT 5 forbids (§3.3.2.3.5):
     * such a PUBLISH is malformed, and the HiveMQ client closes the connection as §4.13 requires. The connection
     * comes back by itself; its status names the cause and counts the packet; the request never ran.
     */
    @ParameterizedTest(name = "Response Topic ''{0}''")
    @ValueSource(strings = { "replies/+", "" })
    void responseTopicNoClientMayPublishToCostsOneCountedReconnect(String responseTopic) throws Exception {
        try (RawMqttPublisher device = RawMqttPublisher.connectMqtt5(broker.getBrokerUrl(), "bad-response-topic")) {
            device.publish("$rrpc/rxd/P/lamp/0000000000000005",
                    new RawMqttPublisher.Properties().responseTopic(responseTopic), text("where to?"));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> events.restored.get() == 1);
        ConnectionStatus status = node.component().getConnectionStatuses().get(0);
        assertThat(events.lost).hasValue(1);
        assertThat(status.lastFailure()).contains("malformed packet from the broker").contains("response topic");
        assertThat(status.undecodablePackets()).isOne();
        assertThat(RrpcNode.replyText(node.request("rrpc:P/lamp", "after"))).isEqualTo("lamp:after");
        assertThat(served).containsExactly("after");
    }

    private RrpcConsumer consumer() {
        return (RrpcConsumer) node.context().getRoutes().get(0).getConsumer();
    }
}
