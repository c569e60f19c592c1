package io.camelrrpc.bench;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import io.reactivex.Scheduler;

/**
 * The floor: the same RRPC exchange with two raw HiveMQ {@code Mqtt3AsyncClient}s (MQTT 3.1.1, QoS 0, as rrpc by
 * default) and no Camel. The "server" publishes to {@code {root}/rxd/P/D/{id}} and matches replies by id in a map; the
 * device ({@link RawDevice}) answers every request on {@code {root}/txd/P/D/{id}} with the request's bytes, publishing
 * without waiting from the client's callback; replies complete on the client's callback thread. The root is as long
 * as rrpc's {@code $rrpc} but not the same: every system under test has topics of its own, so that no subscriber of
 * another system (such as rrpc's wildcard reply subscription {@code $rrpc/txd/+/+/+}) receives, or answers, this
 * one's messages. With hand-off pools, the device answers from a pool and replies complete on a pool, as rrpc does;
 * with {@link #withRrpcThreads} the client's callbacks also run on its Netty thread as rrpc's do, so that a call
 * crosses the same threads as an rrpc call, without Camel.
 */
final class HiveMqFloor extends RawFloor {

    private final String request;
    private final Mqtt3AsyncClient server;
    /** The floor's own device, or null when another system answers its requests. */
    private final RawDevice device;
    /** With hand-offs: the completions' pool (else null). */
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
        this(brokerUrl, root, trust, new RawDevice(brokerUrl, root, trust, deviceThreads, null), completionThreads,
                null);
    }

    /**
     * rrpc's threads without Camel: the client's callbacks on its Netty thread (a direct application scheduler, as
     * rrpc's connection has), the device answering from a pool and replies completing on a pool.
     */
    static HiveMqFloor withRrpcThreads(String brokerUrl, String root, TrustManagerFactory trust, int deviceThreads,
            int completionThreads) throws Exception {
        return new HiveMqFloor(brokerUrl, root, trust,
                new RawDevice(brokerUrl, root, trust, deviceThreads, RawClients.ON_THE_IO_THREAD), completionThreads,
                RawClients.ON_THE_IO_THREAD);
    }

    /**
     * The calling half of {@link #withRrpcThreads}, for requests that another system (rrpc's device side) answers on
     * the same root.
     */
    static HiveMqFloor callingWithRrpcThreads(String brokerUrl, String root, TrustManagerFactory trust,
            int completionThreads) throws Exception {
        return new HiveMqFloor(brokerUrl, root, trust, null, completionThreads, RawClients.ON_THE_IO_THREAD);
    }

    /**
     * @param device    the floor's own device (closed with it), or null
     * @param callbacks the server client's application scheduler, or null for the client's default
     */
    private HiveMqFloor(String brokerUrl, String root, TrustManagerFactory trust, RawDevice device,
            int completionThreads, Scheduler callbacks) throws Exception {
        this.request = root + "/rxd/P/D/";
        this.device = device;
        this.completionPool = completionThreads == 0 ? null : Executors.newFixedThreadPool(completionThreads);
        Executor completing = completionPool == null ? Runnable::run : completionPool;
        server = RawClients.connect(brokerUrl, "hfloor-srv-", trust, callbacks);
        RawClients.subscribe(server, root + "/txd/P/D/+", publish -> {
            Waiting call = take(publish.getTopic().toString());
            if (call != null) {
                int size = publish.getPayloadAsBytes().length;
                completing.execute(() -> call.replied(size));
            }
        });
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
        RawClients.disconnect(server);
        if (device != null) {
            device.close();
        }
        if (completionPool != null) {
            completionPool.shutdownNow();
        }
    }
}
