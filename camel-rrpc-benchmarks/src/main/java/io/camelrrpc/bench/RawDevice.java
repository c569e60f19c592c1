package io.camelrrpc.bench;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import io.reactivex.Scheduler;

/**
 * A floor's device: one raw HiveMQ client that answers every request on {@code {root}/rxd/P/D/{id}} with the
 * request's bytes on {@code {root}/txd/P/D/{id}}, publishing without waiting, from the client's callback or from a
 * pool. Its topics fit rrpc's templates with that root, so it answers rrpc's producer as well as a raw caller.
 */
final class RawDevice implements AutoCloseable {

    private final Mqtt3AsyncClient client;
    /** Where it answers from, when not from the client's callback (else null). */
    private final ExecutorService pool;

    /**
     * @param threads   0 to answer on the client's callback thread, else a pool of that many threads (rrpc's
     *                  consumer threads)
     * @param callbacks the client's application scheduler, or null for the client's default
     */
    RawDevice(String brokerUrl, String root, TrustManagerFactory trust, int threads, Scheduler callbacks)
            throws Exception {
        String reply = root + "/txd/P/D/";
        this.pool = threads == 0 ? null : Executors.newFixedThreadPool(threads);
        Executor answering = pool == null ? Runnable::run : pool;
        client = RawClients.connect(brokerUrl, "hfloor-dev-", trust, callbacks);
        RawClients.subscribe(client, root + "/rxd/P/D/+", publish -> answering.execute(() -> client.publishWith()
                .topic(reply + RawFloor.idOf(publish.getTopic().toString()))
                .qos(MqttQos.AT_MOST_ONCE)
                .payload(publish.getPayloadAsBytes())
                .send()));
    }

    @Override
    public void close() {
        RawClients.disconnect(client);
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
