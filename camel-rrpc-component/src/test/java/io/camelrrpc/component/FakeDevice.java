package io.camelrrpc.component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import io.camelrrpc.component.internal.topic.TopicTemplate;
import io.camelrrpc.component.spi.RrpcAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device under the test's control, on its own raw MQTT 3.1.1 connection (the HiveMQ client used directly, as a
 * device SDK would use its client): it records the requests it receives and replies only when, where and as often as
 * the test says.
 */
final class FakeDevice implements AutoCloseable {

    static final TopicTemplate REQUESTS = TopicTemplate.parse("request", TopicTemplate.TENCENT_REQUEST);
    static final TopicTemplate REPLIES = TopicTemplate.parse("reply", TopicTemplate.TENCENT_REPLY);
    private static final long WAIT_SECONDS = 10;

    /** A request as the device saw it. */
    record Request(RrpcAddress address, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Mqtt3AsyncClient client;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    private FakeDevice(Mqtt3AsyncClient client) {
        this.client = client;
    }

    /**
     * Connects and subscribes to the requests of {@code productId/deviceName} ({@code +} allowed). Tries three
     * times: Moquette 0.17 may drop a client that subscribes right after its CONNACK.
     */
    static FakeDevice start(String brokerUrl, String productId, String deviceName) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return connect(brokerUrl, productId, deviceName);
            } catch (ExecutionException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static FakeDevice connect(String brokerUrl, String productId, String deviceName) throws Exception {
        URI uri = URI.create(brokerUrl);
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3()
                .identifier("fake-device-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(uri.getHost()).serverPort(uri.getPort()).buildAsync();
        FakeDevice device = new FakeDevice(client);
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> device.requests.add(
                new Request(REQUESTS.parseTopic(publish.getTopic().toString()), publish.getPayloadAsBytes())));
        await(client.connect());
        try {
            await(client.subscribeWith().topicFilter(REQUESTS.filter(productId, deviceName)).qos(MqttQos.AT_MOST_ONCE)
                    .send());
        } catch (ExecutionException | TimeoutException e) {
            client.disconnect();
            throw e;
        }
        return device;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The next request, failing the test if none comes within 10 s. */
    Request nextRequest() throws InterruptedException {
        Request request = requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the device").isNotNull();
        return request;
    }

    /** The next request if one comes within the given time, else {@code null}: for checking that none comes. */
    Request pollRequest(long millis) throws InterruptedException {
        return requests.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Replies to the request's own reply topic. */
    void reply(Request request, String payload) throws Exception {
        reply(request.address(), payload);
    }

    /** Replies on the reply topic of any address, e.g. one of another device. */
    void reply(RrpcAddress address, String payload) throws Exception {
        reply(address, payload.getBytes(StandardCharsets.UTF_8));
    }

    void reply(RrpcAddress address, byte[] payload) throws Exception {
        publish(REPLIES.topic(address.productId(), address.deviceName(), address.processId()), payload);
    }

    /** Publishes anything anywhere, e.g. garbage on reply topics. */
    void publish(String topic, byte[] payload) throws Exception {
        publish(topic, payload, 0);
    }

    void publish(String topic, byte[] payload, int qos) throws Exception {
        await(send(topic, payload, qos));
    }

    /** Publishes without waiting, e.g. a burst; the client sends in order, so waiting for a later publish is enough. */
    void publishWithoutWaiting(String topic, byte[] payload) {
        send(topic, payload, 0);
    }

    private CompletableFuture<?> send(String topic, byte[] payload, int qos) {
        return client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).payload(payload).send();
    }

    @Override
    public void close() throws Exception {
        if (client.getState().isConnected()) {
            await(client.disconnect());
        }
    }
}
