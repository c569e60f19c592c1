package io.camelrrpc.bench;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.reactivex.Scheduler;
import io.reactivex.schedulers.Schedulers;

/**
 * The floor: the same RRPC exchange with two raw HiveMQ {@code Mqtt3AsyncClient}s (MQTT 3.1.1, QoS 0, as rrpc by
 * default) and no Camel. The "server" publishes to {@code {root}/rxd/P/D/{id}} and matches replies by id in a map; the
 * "device" answers every request on {@code {root}/txd/P/D/{id}} with the request's bytes, publishing without waiting
 * from the client's callback; replies complete on the client's callback thread. The root is as long as rrpc's
 * {@code $rrpc} but not the same: every system under test has topics of its own, so that no subscriber of another
 * system (such as rrpc's wildcard reply subscription {@code $rrpc/txd/+/+/+}) receives, or answers, this one's
 * messages. With hand-off pools, the device answers from a pool and replies complete on a pool, as rrpc does; with
 * {@link #withRrpcThreads} the client's callbacks also run on its Netty thread as rrpc's do, so that a call crosses the
 * same threads as an rrpc call, without Camel.
 */
final class HiveMqFloor extends RawFloor {

    private static final long CONNECT_SECONDS = 10;

    private final String request;
    private final String reply;
    private final Mqtt3AsyncClient server;
    private final Mqtt3AsyncClient device;
    /** With hand-offs: the device's and the completions' pools (else null). */
    private final ExecutorService devicePool;
    private final ExecutorService completionPool;

    /**
     * @param brokerUrl tcp://host:port, or ssl://host:port with {@code trust}
     * @param root      first topic level, five characters like {@code $rrpc}, different for each system
     * @param trust     whom to trust on ssl://, else null
     */
    HiveMqFloor(String brokerUrl, String root, TrustManagerFactory trust) throws Exception {
        this(brokerUrl, root, trust, 0, 0);
    }

    /**
     * @param deviceThreads     0 to answer on the client's callback thread, else a pool of that many threads (rrpc's
     *                          consumer threads)
     * @param completionThreads 0 to complete on the client's callback thread, else a pool of that many threads (rrpc's
     *                          reply threads)
     */
    HiveMqFloor(String brokerUrl, String root, TrustManagerFactory trust, int deviceThreads, int completionThreads)
            throws Exception {
        this(brokerUrl, root, trust, deviceThreads, completionThreads, null);
    }

    /**
     * rrpc's threads without Camel: the client's callbacks on its Netty thread (a direct application scheduler, as
     * rrpc's connection has), the device answering from a pool and replies completing on a pool.
     */
    static HiveMqFloor withRrpcThreads(String brokerUrl, String root, TrustManagerFactory trust, int deviceThreads,
            int completionThreads) throws Exception {
        return new HiveMqFloor(brokerUrl, root, trust, deviceThreads, completionThreads,
                Schedulers.from(Runnable::run));
    }

    /** @param callbacks the client's application scheduler, or null for the client's default */
    private HiveMqFloor(String brokerUrl, String root, TrustManagerFactory trust, int deviceThreads,
            int completionThreads, Scheduler callbacks) throws Exception {
        this.request = root + "/rxd/P/D/";
        this.reply = root + "/txd/P/D/";
        this.devicePool = deviceThreads == 0 ? null : Executors.newFixedThreadPool(deviceThreads);
        this.completionPool = completionThreads == 0 ? null : Executors.newFixedThreadPool(completionThreads);
        Executor answering = devicePool == null ? Runnable::run : devicePool;
        Executor completing = completionPool == null ? Runnable::run : completionPool;
        device = connect(brokerUrl, "hfloor-dev-", trust, callbacks);
        subscribe(device, request + "+", publish -> answering.execute(() -> device.publishWith()
                .topic(reply + idOf(publish.getTopic().toString()))
                .qos(MqttQos.AT_MOST_ONCE)
                .payload(publish.getPayloadAsBytes())
                .send()));
        server = connect(brokerUrl, "hfloor-srv-", trust, callbacks);
        subscribe(server, reply + "+", publish -> {
            Waiting call = take(publish.getTopic().toString());
            if (call != null) {
                int size = publish.getPayloadAsBytes().length;
                completing.execute(() -> call.replied(size));
            }
        });
    }

    private static Mqtt3AsyncClient connect(String brokerUrl, String prefix, TrustManagerFactory trust,
            Scheduler callbacks) throws Exception {
        URI uri = URI.create(brokerUrl);
        var builder = MqttClient.builder()
                .identifier(prefix + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(uri.getHost())
                .serverPort(uri.getPort());
        if (callbacks != null) {
            builder = builder.executorConfig(
                    MqttClientExecutorConfig.builder().applicationScheduler(callbacks).build());
        }
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
    void publishRequest(String id, byte[] payload) {
        server.publishWith().topic(request + id).qos(MqttQos.AT_MOST_ONCE).payload(payload).send()
                .whenComplete((published, failure) -> {
                    if (failure != null) {
                        failed(id);
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
        if (devicePool != null) {
            devicePool.shutdownNow();
            completionPool.shutdownNow();
        }
    }
}
