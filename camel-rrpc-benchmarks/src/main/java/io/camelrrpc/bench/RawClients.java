package io.camelrrpc.bench;

import java.net.URI;
import java.util.UUID;
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

/** The raw HiveMQ {@code Mqtt3AsyncClient}s of the floors (MQTT 3.1.1, clean session, QoS 0 subscriptions). */
final class RawClients {

    private static final long CONNECT_SECONDS = 10;
    /** rrpc's connection's application scheduler: the client's callbacks on its Netty thread, at once. */
    static final Scheduler ON_THE_IO_THREAD = Schedulers.from(Runnable::run);

    private RawClients() {
    }

    /**
     * @param brokerUrl tcp://host:port, or ssl://host:port with {@code trust}
     * @param trust     whom to trust on ssl://, else null
     * @param callbacks the client's application scheduler, or null for the client's default
     */
    static Mqtt3AsyncClient connect(String brokerUrl, String prefix, TrustManagerFactory trust, Scheduler callbacks)
            throws Exception {
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

    static void subscribe(Mqtt3AsyncClient client, String filter, Consumer<Mqtt3Publish> callback) throws Exception {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_MOST_ONCE).callback(callback).send()
                .get(CONNECT_SECONDS, TimeUnit.SECONDS);
    }

    /** Disconnects, giving up after a few seconds: closing anyway. */
    static void disconnect(Mqtt3AsyncClient client) {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
