package io.camelrrpc.component;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.MessageProperties;
import io.camelrrpc.component.internal.mqtt.MessageProperties.UserProperty;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.PublishResult;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelrrpc.component.HiveMqDollarTopicsIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MQTT 5 through the HiveMQ client, checked with mosquitto's own command-line clients: message properties cross the
 * wire both ways, and a QoS 1 publish that nobody subscribes to is acknowledged with reason code 16.
 */
class HiveMqMqtt5IT extends MosquittoClientsTestSupport {

    private HiveMqConnections connections;

    @BeforeEach
    void startConnections() {
        connections = new HiveMqConnections();
    }

    @AfterEach
    void stopConnections() {
        connections.close();
    }

    @Test
    void outboundPropertiesReachAnIndependentClient() throws Exception {
        HiveMqConnection requester = connections.start(broker.getBrokerUrl(), MqttProtocolVersion.V5);
        MosquittoClients.Background device = clients.subscribe("device", "-V", "5", "-t", "$rrpc/rxd/P/D/+", "-C", "1",
                "-F", "%t|%R|%D|%C|%F|%E|%P|%p");
        OutboundMessage request = new OutboundMessage("$rrpc/rxd/P/D/9", text("{\"on\":true}"), 1, new MessageProperties(
                "$rrpc/txd/P/D/9", text("corr-9"), List.of(new UserProperty("k", "v1"), new UserProperty("k", "v2")),
                "application/json", true, 30));

        // mosquitto_sub subscribes some time after it starts: until then the broker says nobody subscribes
        await().until(() -> requester.publish(request).get().reasonCode() == PublishResult.SUCCESS);

        await().until(() -> !device.isAlive());
        assertThat(device.output().strip()).isEqualTo(
                "$rrpc/rxd/P/D/9|$rrpc/txd/P/D/9|corr-9|application/json|1|30|k:v1 k:v2|{\"on\":true}");
    }

    @Test
    void inboundPropertiesFromAnIndependentClient() throws Exception {
        HiveMqConnection device = connections.start(broker.getBrokerUrl(), MqttProtocolVersion.V5);
        HiveMqConnections.Inbox requests = new HiveMqConnections.Inbox();
        device.subscribe(Subscription.of("$rrpc/rxd/P/D/+", 1, requests));

        clients.publishWith("-V", "5", "-q", "1", "-t", "$rrpc/rxd/P/D/3", "-m", "hello",
                "-D", "publish", "response-topic", "$rrpc/txd/P/D/3", "-D", "publish", "correlation-data", "corr-3",
                "-D", "publish", "user-property", "a", "1", "-D", "publish", "user-property", "b", "2",
                "-D", "publish", "content-type", "text/plain", "-D", "publish", "payload-format-indicator", "1",
                "-D", "publish", "message-expiry-interval", "60");

        InboundMessage request = requests.next();
        MessageProperties properties = request.properties();
        assertThat(request.payload()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        assertThat(request.qos()).isEqualTo(1);
        assertThat(properties.responseTopic()).isEqualTo("$rrpc/txd/P/D/3");
        assertThat(properties.correlationData()).asString(StandardCharsets.UTF_8).isEqualTo("corr-3");
        assertThat(properties.userProperties()).containsExactly(new UserProperty("a", "1"), new UserProperty("b", "2"));
        assertThat(properties.contentType()).isEqualTo("text/plain");
        assertThat(properties.utf8Payload()).isTrue();
        assertThat(properties.messageExpirySeconds()).isBetween(1L, 60L);
    }

    @Test
    void aPublishNobodySubscribesToIsAcknowledgedWithNoMatchingSubscribers() throws Exception {
        HiveMqConnection requester = connections.start(broker.getBrokerUrl(), MqttProtocolVersion.V5);
        OutboundMessage request = OutboundMessage.of("$rrpc/rxd/P/OFFLINE/1", text("anyone?"), 1);

        PublishResult offline = requester.publish(request).get();
        // a device on MQTT 3.1.1 at QoS 0, as Tencent's C SDK
        clients.subscribe("device", "-V", "311", "-q", "0", "-t", "$rrpc/rxd/P/OFFLINE/+");
        await().until(() -> !requester.publish(request).get().noMatchingSubscribers());

        assertThat(offline.noMatchingSubscribers()).isTrue();
        assertThat(offline.reasonCode()).isEqualTo(16);
    }

    @Test
    void mqtt311HasNoReasonCodes() throws Exception {
        HiveMqConnection requester = connections.start(broker.getBrokerUrl(), MqttProtocolVersion.V3_1_1);

        PublishResult result = requester.publish(OutboundMessage.of("$rrpc/rxd/P/OFFLINE/2", text("anyone?"), 1)).get();

        assertThat(result).isEqualTo(PublishResult.DONE);
    }
}
