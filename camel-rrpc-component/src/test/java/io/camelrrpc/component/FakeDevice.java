package io.camelrrpc.component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.component.spi.RrpcAddress;
import io.camelrrpc.component.internal.topic.TopicTemplate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device under the test's control, on its own raw Paho connection: it records the requests it receives and
 * replies only when, where and as often as the test says.
 */
final class FakeDevice implements AutoCloseable {

    static final TopicTemplate REQUESTS = TopicTemplate.parse("request", TopicTemplate.TENCENT_REQUEST);
    static final TopicTemplate REPLIES = TopicTemplate.parse("reply", TopicTemplate.TENCENT_REPLY);

    /** A request as the device saw it. */
    record Request(RrpcAddress address, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttAsyncClient client;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    private FakeDevice(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * Connects and subscribes to the requests of {@code productId/deviceName} ({@code +} allowed). Tries three
     * times: Moquette 0.17 may drop a client that subscribes right after its CONNACK.
     */
    static FakeDevice start(String brokerUrl, String productId, String deviceName) throws MqttException {
        for (int attempt = 1; ; attempt++) {
            try {
                return connect(brokerUrl, productId, deviceName);
            } catch (MqttException e) {
                if (attempt == 3 || e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST) {
                    throw e;
                }
            }
        }
    }

    private static FakeDevice connect(String brokerUrl, String productId, String deviceName) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, MqttAsyncClient.generateClientId(), new MemoryPersistence());
        FakeDevice device = new FakeDevice(client);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // tests that need the connection assert on replies instead
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                device.requests.add(new Request(REQUESTS.parseTopic(topic), message.getPayload()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // replies wait on their own token
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000);
        client.connect(options).waitForCompletion(10_000);
        try {
            client.subscribe(REQUESTS.filter(productId, deviceName), 0).waitForCompletion(10_000);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return device;
    }

    /** The next request, failing the test if none comes within 10 s. */
    Request nextRequest() throws InterruptedException {
        Request request = requests.poll(10, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the device").isNotNull();
        return request;
    }

    /** The next request if one comes within the given time, else {@code null}: for checking that none comes. */
    Request pollRequest(long millis) throws InterruptedException {
        return requests.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Replies to the request's own reply topic. */
    void reply(Request request, String payload) throws MqttException {
        reply(request.address(), payload);
    }

    /** Replies on the reply topic of any address, e.g. one of another device. */
    void reply(RrpcAddress address, String payload) throws MqttException {
        reply(address, payload.getBytes(StandardCharsets.UTF_8));
    }

    void reply(RrpcAddress address, byte[] payload) throws MqttException {
        publish(REPLIES.topic(address.productId(), address.deviceName(), address.processId()), payload);
    }

    /** Publishes anything anywhere, e.g. garbage on reply topics. */
    void publish(String topic, byte[] payload) throws MqttException {
        publish(topic, payload, 0);
    }

    void publish(String topic, byte[] payload, int qos) throws MqttException {
        client.publish(topic, payload, qos, false).waitForCompletion(10_000);
    }

    /** Publishes without waiting, e.g. a burst; the client sends in order, so waiting for a later publish is enough. */
    void publishWithoutWaiting(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 0, false);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(10_000);
        }
        client.close(true);
    }
}
