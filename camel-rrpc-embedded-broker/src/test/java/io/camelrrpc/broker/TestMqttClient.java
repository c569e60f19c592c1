package io.camelrrpc.broker;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An MQTT 3.1.1 client for tests, on the HiveMQ MQTT Client: collects every received message in a queue. Takes
 * {@code tcp://}, {@code ssl://}, {@code ws://} and {@code wss://host:port/path} URLs.
 */
final class TestMqttClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A received message. */
    record Received(String topic, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /**
     * How to connect.
     *
     * @param userName  the login's user name, or {@code null}
     * @param password  its password, or {@code null}
     * @param trust     whom to trust on {@code ssl://} and {@code wss://}, or {@code null} for the JVM's default
     * @param reconnect whether the client reconnects by itself (and makes its subscriptions again)
     */
    record Options(String userName, String password, TrustManagerFactory trust, boolean reconnect) {

        static final Options DEFAULT = new Options(null, null, null, false);

        static Options login(String userName, String password) {
            return new Options(userName, password, null, false);
        }

        static Options trusting(TrustManagerFactory trust) {
            return new Options(null, null, trust, false);
        }

        static Options reconnecting() {
            return new Options(null, null, null, true);
        }
    }

    private final Mqtt3AsyncClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final CountDownLatch reconnected = new CountDownLatch(1);

    private TestMqttClient(String brokerUrl, Options options) {
        URI uri = URI.create(brokerUrl);
        String scheme = uri.getScheme();
        Mqtt3ClientBuilder builder = Mqtt3Client.builder()
                .identifier("test-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(uri.getHost()).serverPort(uri.getPort())
                .addConnectedListener(context -> {
                    if (connects.incrementAndGet() > 1) {
                        reconnected.countDown();
                    }
                });
        if (scheme.equals("ssl") || scheme.equals("wss")) {
            builder.sslConfig(options.trust() == null ? MqttClientSslConfig.builder().build()
                    : MqttClientSslConfig.builder().trustManagerFactory(options.trust()).build());
        }
        if (scheme.equals("ws") || scheme.equals("wss")) {
            builder.webSocketConfig(MqttWebSocketConfig.builder().serverPath(uri.getPath()).build());
        }
        if (options.userName() != null) {
            builder.simpleAuth(Mqtt3SimpleAuth.builder().username(options.userName())
                    .password(options.password().getBytes(StandardCharsets.UTF_8)).build());
        }
        if (options.reconnect()) {
            builder.automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                    .applyAutomaticReconnect();
        }
        client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL,
                publish -> received.add(new Received(publish.getTopic().toString(), publish.getPayloadAsBytes())));
    }

    /** Connects with a clean session and default options. */
    static TestMqttClient connect(String brokerUrl) throws Exception {
        return connect(brokerUrl, Options.DEFAULT);
    }

    /** Connects to the embedded broker and waits until it has completed the connection too (see its Javadoc). */
    static TestMqttClient connect(EmbeddedMqttBroker broker) throws Exception {
        return connect(broker, Options.DEFAULT);
    }

    static TestMqttClient connect(EmbeddedMqttBroker broker, Options options) throws Exception {
        TestMqttClient testClient = connect(broker.getBrokerUrl(), options);
        broker.awaitClientConnected(testClient.clientId(), TIMEOUT);
        return testClient;
    }

    String clientId() {
        return client.getConfig().getClientIdentifier().map(Object::toString)
                .orElseThrow(() -> new IllegalStateException("the client has no identifier"));
    }

    /**
     * Connects, waiting for the CONNACK.
     *
     * @throws ExecutionException with the client's exception as cause when the broker refuses or cannot be reached
     */
    static TestMqttClient connect(String brokerUrl, Options options) throws Exception {
        TestMqttClient testClient = new TestMqttClient(brokerUrl, options);
        await(testClient.client.connectWith().cleanSession(true).send());
        return testClient;
    }

    /** Asserts that the broker refuses this login: a CONNACK with "bad user name or password" or "not authorized". */
    static void assertLoginRefused(String brokerUrl, Options options) {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> connect(brokerUrl, options).close());
        Mqtt3ConnAckReturnCode code = assertInstanceOf(Mqtt3ConnAckException.class, refused.getCause())
                .getMqttMessage().getReturnCode();
        assertTrue(code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD
                   || code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED, "unexpected return code " + code);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Subscribes and waits for the SUBACK. */
    TestMqttClient subscribe(String topicFilter, int qos) throws Exception {
        await(client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.fromCode(qos)).send());
        return this;
    }

    /** Publishes and waits until the message is written (QoS 0) or acknowledged (QoS 1 and 2). */
    void publish(String topic, byte[] payload, int qos) throws Exception {
        await(send(topic, payload, qos));
    }

    void publish(String topic, String payload, int qos) throws Exception {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos);
    }

    /** Publishes and returns at once; the future tells when the message was written or acknowledged. */
    CompletableFuture<?> publishWithoutWaiting(String topic, String payload, int qos) {
        return send(topic, payload.getBytes(StandardCharsets.UTF_8), qos);
    }

    private CompletableFuture<?> send(String topic, byte[] payload, int qos) {
        return client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).payload(payload).send();
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

    /** Waits until an automatic reconnect ({@link Options#reconnecting()}) completes. */
    boolean awaitReconnect(Duration timeout) throws InterruptedException {
        return reconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isConnected() {
        return client.getState().isConnected();
    }

    @Override
    public void close() throws Exception {
        if (client.getState().isConnectedOrReconnect()) {
            try {
                await(client.disconnect());
            } catch (ExecutionException notConnected) {
                // reconnecting: the disconnect ended the reconnects, which is all a close needs
            }
        }
    }
}
