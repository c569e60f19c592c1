package io.camelrrpc.component.mqtt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over a real broker: QoS 0 messages reach subscriptions from Paho's reader thread, decoded by the component
 * ({@link InboundPacketStream}), and QoS 1 messages from Paho's callback thread, decoded by Paho. If the socket factory
 * stopped handing QoS 0 packets to the component, everything would still work, only slowly: this test notices.
 */
class InboundQos0IT {

    private final Map<String, String> threadByTopic = new ConcurrentHashMap<>();
    private final Map<String, byte[]> payloadByTopic = new ConcurrentHashMap<>();
    private EmbeddedMqttBroker broker;
    private CamelContext camelContext;
    private MqttConnection connection;

    @BeforeEach
    void connect() throws Exception {
        broker = EmbeddedMqttBroker.builder().start();
        camelContext = new DefaultCamelContext();
        camelContext.start();
        connection = new MqttConnection(camelContext, new ConnectionSettings(broker.getBrokerUrl(), null, null, null,
                true, 60, 10, true, 1000, 100, true, null, null));
        connection.start();
        MessageListener record = (topic, payload) -> {
            threadByTopic.put(topic, Thread.currentThread().getName());
            payloadByTopic.put(topic, payload);
        };
        connection.subscribe(Subscription.of("q0/+", 0, record));
        connection.subscribe(Subscription.of("q1/+", 1, record));
    }

    @AfterEach
    void close() {
        connection.stop();
        camelContext.stop();
        broker.close();
    }

    @Test
    void qos0MessagesComeFromTheReaderAndQos1FromPahosCallbackThread() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        connection.publish("q0/a", everyByte, 0, failure -> assertThat(failure).isNull());
        connection.publish("q1/a", everyByte, 1, failure -> assertThat(failure).isNull());

        await().until(() -> threadByTopic.size() == 2);
        assertThat(threadByTopic.get("q0/a")).startsWith("MQTT Rec:");
        assertThat(threadByTopic.get("q1/a")).startsWith("MQTT Call:");
        assertThat(payloadByTopic.get("q0/a")).isEqualTo(everyByte);
        assertThat(payloadByTopic.get("q1/a")).isEqualTo(everyByte);
    }
}
