package io.camelrrpc.bench;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

/**
 * The floor of the HiveMQ MQTT Client: {@link PahoFloor}'s exchange with two raw {@code Mqtt3AsyncClient}s (MQTT 3.1.1,
 * QoS 0, as rrpc on the HiveMQ transport by default) and no Camel. The device answers from the client's callback by
 * publishing without waiting; replies complete on the client's callback thread.
 */
final class HiveMqFloor implements CallTarget {

    private static final long ID_BASE = 1_000_000_000_000_000L; // 16 digits: fixed-width ids like the component's
    private static final long CONNECT_SECONDS = 10;

    private final String request;
    private final String reply;
    private final Mqtt3AsyncClient server;
    private final Mqtt3AsyncClient device;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private record Pending(int size, Done done) {
    }

    /**
     * @param brokerUrl tcp://host:port, or ssl://host:port with {@code trust}
     * @param root      first topic level, five characters like {@code $rrpc}, different for each system
     * @param trust     whom to trust on ssl://, else null
     */
    HiveMqFloor(String brokerUrl, String root, TrustManagerFactory trust) throws Exception {
        this.request = root + "/rxd/P/D/";
        this.reply = root + "/txd/P/D/";
        device = connect(brokerUrl, "hfloor-dev-", trust);
        subscribe(device, request + "+", publish -> device.publishWith()
                .topic(reply + id(publish))
                .qos(MqttQos.AT_MOST_ONCE)
                .payload(publish.getPayloadAsBytes())
                .send());
        server = connect(brokerUrl, "hfloor-srv-", trust);
        subscribe(server, reply + "+", publish -> {
            Pending call = pending.remove(id(publish));
            if (call != null) {
                call.done().done(publish.getPayloadAsBytes().length == call.size());
            }
        });
    }

    private static String id(Mqtt3Publish publish) {
        String topic = publish.getTopic().toString();
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    private static Mqtt3AsyncClient connect(String brokerUrl, String prefix, TrustManagerFactory trust)
            throws Exception {
        URI uri = URI.create(brokerUrl);
        var builder = MqttClient.builder()
                .identifier(prefix + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(uri.getHost())
                .serverPort(uri.getPort());
        if (trust != null) {
            builder = builder.sslConfig(MqttClientSslConfig.builder().trustManagerFactory(trust).build());
        }
        Mqtt3AsyncClient client = builder.useMqttVersion3().buildAsync();
        client.connectWith().cleanSession(true).send().get(CONNECT_SECONDS, TimeUnit.SECONDS);
        return client;
    }

    private static void subscribe(Mqtt3AsyncClient client, String filter, Consumer<Mqtt3Publish> callback)
            throws Exception {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_MOST_ONCE).callback(callback).send()
                .get(CONNECT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void call(byte[] payload, long seq, Done done) {
        String id = Long.toString(ID_BASE + ids.getAndIncrement());
        pending.put(id, new Pending(payload.length, done));
        server.publishWith().topic(request + id).qos(MqttQos.AT_MOST_ONCE).payload(payload).send()
                .whenComplete((published, failure) -> {
                    if (failure != null && pending.remove(id) != null) {
                        done.done(false);
                    }
                });
    }

    @Override
    public void close() throws Exception {
        for (Mqtt3AsyncClient client : new Mqtt3AsyncClient[] { server, device }) {
            try {
                client.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
