package io.camelrrpc.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.UUID;

import javax.net.SocketFactory;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The floor: the same RRPC exchange with two raw Paho async clients and no Camel. The "server" publishes to
 * {@code {root}/rxd/P/D/{id}} and matches replies by id in a map; the "device" answers every request on
 * {@code {root}/txd/P/D/{id}} with the request's bytes, publishing asynchronously from the callback without waiting.
 * The root is as long as rrpc's {@code $rrpc} but not the same: every system under test has topics of its own, so
 * that no subscriber of another system (such as rrpc's wildcard reply subscription {@code $rrpc/txd/+/+/+}) receives,
 * or answers, this one's messages.
 */
final class PahoFloor extends RawFloor {

    private final int qos;
    private final String request;
    private final String reply;
    /** With hand-offs: the device answers from a pool, replies complete on a pool, as rrpc does (else null). */
    private final java.util.concurrent.ExecutorService devicePool;
    private final java.util.concurrent.ExecutorService completionPool;
    private final MqttAsyncClient server;
    private final MqttAsyncClient device;
    PahoFloor(String brokerUrl, int qos, String root) throws MqttException {
        this(brokerUrl, qos, root, 0, 0, new NoDelay(SocketFactory.getDefault()));
    }

    /**
     * @param sockets plain or, for ssl:// brokers, TLS sockets (see {@link NoDelay} and the component's
     *                {@link io.camelrrpc.component.internal.mqtt.NoDelaySslSocketFactory})
     */
    PahoFloor(String brokerUrl, String root, SocketFactory sockets) throws MqttException {
        this(brokerUrl, 0, root, 0, 0, sockets);
    }

    /**
     * @param root              first topic level, five characters like {@code $rrpc}, different for each system
     * @param deviceThreads     0 to answer on Paho's callback thread, else a pool of that many threads (rrpc's
     *                          consumer threads)
     * @param completionThreads 0 to complete on Paho's callback thread, else a pool of that many threads (rrpc's
     *                          RrpcReplies threads)
     */
    PahoFloor(String brokerUrl, int qos, String root, int deviceThreads, int completionThreads)
            throws MqttException {
        this(brokerUrl, qos, root, deviceThreads, completionThreads, new NoDelay(SocketFactory.getDefault()));
    }

    private PahoFloor(String brokerUrl, int qos, String root, int deviceThreads, int completionThreads,
            SocketFactory sockets) throws MqttException {
        this.qos = qos;
        this.request = root + "/rxd/P/D/";
        this.reply = root + "/txd/P/D/";
        this.devicePool = deviceThreads == 0 ? null : java.util.concurrent.Executors.newFixedThreadPool(deviceThreads);
        this.completionPool = completionThreads == 0 ? null
                : java.util.concurrent.Executors.newFixedThreadPool(completionThreads);
        device = connect(brokerUrl, "floor-dev-", sockets, new Callback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String id = idOf(topic);
                if (devicePool == null) {
                    answer(id, message.getPayload());
                } else {
                    devicePool.execute(() -> answer(id, message.getPayload()));
                }
            }
        });
        device.subscribe(request + "+", qos).waitForCompletion(10_000);
        server = connect(brokerUrl, "floor-srv-", sockets, new Callback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                Waiting call = take(topic);
                if (call != null) {
                    int size = message.getPayload().length;
                    if (completionPool == null) {
                        call.replied(size);
                    } else {
                        completionPool.execute(() -> call.replied(size));
                    }
                }
            }
        });
        server.subscribe(reply + "+", qos).waitForCompletion(10_000);
    }

    private void answer(String id, byte[] payload) {
        try {
            device.publish(reply + id, payload, qos, false);
        } catch (MqttException e) {
            // the caller's call is lost; counted as lost by the loop
        }
    }

    private static MqttAsyncClient connect(String url, String prefix, SocketFactory sockets, MqttCallback callback)
            throws MqttException {
        String id = prefix + UUID.randomUUID().toString().substring(0, 8);
        MqttAsyncClient client = new MqttAsyncClient(url, id, new MemoryPersistence());
        client.setCallback(callback);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setMaxInflight(65535);
        options.setAutomaticReconnect(false);
        options.setSocketFactory(sockets);
        client.connect(options).waitForCompletion(10_000);
        return client;
    }

    @Override
    void publishRequest(String id, byte[] payload) {
        try {
            server.publish(request + id, payload, qos, false);
        } catch (MqttException e) {
            failed(id);
        }
    }

    @Override
    public void close() throws Exception {
        for (MqttAsyncClient client : new MqttAsyncClient[] { server, device }) {
            try {
                client.disconnect().waitForCompletion(5_000);
            } catch (MqttException ignored) {
                // closing anyway
            }
            client.close(true);
        }
        if (devicePool != null) {
            devicePool.shutdownNow();
            completionPool.shutdownNow();
        }
    }

    private abstract static class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            System.err.println("floor client lost its connection: " + cause);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    /** Plain sockets of a factory with TCP_NODELAY (Paho does not set it). */
    static final class NoDelay extends SocketFactory {
        private final SocketFactory delegate;

        NoDelay(SocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, local, localPort));
        }
    }
}
