package io.camelrrpc.broker;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A Paho v3 async client for tests: collects every received message in a queue and never publishes
 * from Paho's callback thread.
 */
final class TestMqttClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A received message. */
    record Received(String topic, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttAsyncClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch reconnected = new CountDownLatch(1);

    private TestMqttClient(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects with a clean session and default options. */
    static TestMqttClient connect(String brokerUrl) throws MqttException {
        return connect(brokerUrl, new MqttConnectOptions());
    }

    /** Connects with the given options, waiting for the CONNACK. */
    static TestMqttClient connect(String brokerUrl, MqttConnectOptions options) throws MqttException {
        MqttAsyncClient paho = new MqttAsyncClient(brokerUrl, MqttAsyncClient.generateClientId(),
                new MemoryPersistence());
        TestMqttClient testClient = new TestMqttClient(paho);
        paho.setCallback(testClient.new Callback());
        try {
            paho.connect(options).waitForCompletion(TIMEOUT.toMillis());
        } catch (MqttException e) {
            paho.close(true);
            throw e;
        }
        return testClient;
    }

    /** Subscribes and waits for the SUBACK. */
    TestMqttClient subscribe(String topicFilter, int qos) throws MqttException {
        client.subscribe(topicFilter, qos).waitForCompletion(TIMEOUT.toMillis());
        return this;
    }

    /** Publishes and waits until the message is written (QoS 0) or acknowledged (QoS 1 and 2). */
    void publish(String topic, byte[] payload, int qos) throws MqttException {
        IMqttDeliveryToken token = client.publish(topic, payload, qos, false);
        token.waitForCompletion(TIMEOUT.toMillis());
    }

    /** Publishes and returns at once; the token tells when the message was written or acknowledged. */
    IMqttDeliveryToken publishWithoutWaiting(String topic, String payload, int qos) throws MqttException {
        return client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    void publish(String topic, String payload, int qos) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos);
    }

    /** @return the next received message, failing the test after {@link #TIMEOUT} */
    Received awaitMessage() throws InterruptedException {
        Received message = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(message, "no message received within " + TIMEOUT);
        return message;
    }

    /** @return the oldest received message not taken yet, or null */
    Received pollMessage() {
        return received.poll();
    }

    /** Waits until an automatic reconnect (see {@link MqttConnectOptions#setAutomaticReconnect}) completes. */
    boolean awaitReconnect(Duration timeout) throws InterruptedException {
        return reconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(TIMEOUT.toMillis());
        }
        client.close(true);
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                reconnected.countDown();
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            // Paho reconnects by itself when asked to; tests observe isConnected() instead
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, message.getPayload()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish() waits on the token itself
        }
    }
}
