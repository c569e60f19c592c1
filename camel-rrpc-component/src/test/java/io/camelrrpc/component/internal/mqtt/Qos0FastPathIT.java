package io.camelrrpc.component.internal.mqtt;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.component.Transport;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over a real broker: QoS 0 messages reach subscriptions from Paho's reader thread, decoded by the component
 * ({@link InboundPacketStream}), and QoS 1 messages from Paho's callback thread, decoded by Paho; QoS 0 messages leave
 * on the publishing thread ({@link OutboundPacketStream}), between the packets Paho writes. If the socket factory
 * stopped handing QoS 0 packets to the component, everything would still work, only slowly: these tests notice.
 */
class Qos0FastPathIT {

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
                true, 60, 10, true, 1000, 100, true, null, null, null, Transport.Paho, MqttProtocolVersion.V3_1_1,
                ConnectionSettings.ANY_PAYLOAD));
        connection.start();
        connection.acceptPayloads(1 << 20);
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

    @Test
    void qos0MessagesLeaveOnThePublishingThreadIntactAmongPahosPackets() throws Exception {
        await().until(() -> {
            connection.publish("q0/probe", new byte[0], 0, failure -> {
            });
            return connection.directPublishes() > 0;
        });
        long before = connection.directPublishes();
        int[] sizes = { 0, 1, 4096, 8191, 8192, 20_000, 300_000 }; // Paho writes through an 8 KB buffer
        ExecutorService publishers = Executors.newFixedThreadPool(3);
        AtomicInteger failures = new AtomicInteger();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            publishers.execute(() -> {
                for (int i = 0; i < 50; i++) {
                    byte[] payload = payload(thread * 1000 + i, sizes[i % sizes.length]);
                    int qos = i % 5 == 0 ? 1 : 0; // QoS 1 goes through Paho's sender, in between
                    connection.publish("q" + qos + "/" + thread + "-" + i, payload, qos, failure -> {
                        if (failure != null) {
                            failures.incrementAndGet();
                        }
                    });
                }
            });
        }
        publishers.shutdown();

        await().atMost(Duration.ofSeconds(30)).until(() -> payloadByTopic.keySet().stream()
                .filter(topic -> topic.contains("-")).count() == 150);
        for (int thread = 0; thread < 3; thread++) {
            for (int i = 0; i < 50; i++) {
                String topic = "q" + (i % 5 == 0 ? 1 : 0) + "/" + thread + "-" + i;
                assertThat(payloadByTopic.get(topic)).as(topic).isEqualTo(payload(thread * 1000 + i,
                        sizes[i % sizes.length]));
            }
        }
        assertThat(failures).hasValue(0);
        assertThat(connection.directPublishes() - before).isEqualTo(3 * 40);
        assertThat(connection.isConnected()).isTrue();
    }

    private static byte[] payload(int seed, int size) {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) (seed * 31 + i);
        }
        return payload;
    }
}
