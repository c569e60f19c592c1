package io.camelrrpc.component.internal.mqtt;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.net.SocketFactory;

import org.apache.camel.CamelContext;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to a broker, shared by every endpoint with the same {@link ConnectionSettings}. It avoids Paho's
 * traps: the asynchronous client with memory persistence, TCP_NODELAY sockets, a large in-flight window behind
 * our own {@link PublishWindow}, one client-wide callback that dispatches to subscriptions and never throws, and
 * subscriptions made again after a reconnect, off Paho's callback thread, many per SUBSCRIBE packet. Subscriptions are
 * kept, ordered per filter and restored by {@link FilterSubscriptions} and {@link SubscriptionRestorer}, as on the
 * HiveMQ transport; this class sends their packets through Paho. It speaks MQTT 3.1.1 only: messages carry no
 * properties, and publishes end without reason codes.
 */
public final class MqttConnection extends FilterSubscribingTransport implements MqttCallbackExtended {

    /** Granted QoS value of a refused subscription. */
    private static final int SUBSCRIPTION_REFUSED = 0x80;
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    private static final long READER_CHECK_MILLIS = 1000;

    private final CamelContext camelContext;
    private final PublishWindow window;
    private final LongAdder directPublishes = new LongAdder();
    private MqttAsyncClient client;
    private volatile GuardedSocketFactory guardedSockets;
    /** Where QoS 0 messages are written on the publishing thread while connected on plain TCP; else null. */
    private volatile OutboundPacketStream direct;
    private ScheduledExecutorService resubscriber;
    private SubscriptionRestorer restorer;
    private final AtomicLong defusedTopics = new AtomicLong();
    private final AtomicLong deadReaders = new AtomicLong();
    private volatile int maxPayload;
    private volatile boolean readerSeen;
    private volatile boolean resubscribeOnConnect;

    public MqttConnection(CamelContext camelContext, ConnectionSettings settings) {
        super(settings);
        this.camelContext = camelContext;
        this.window = new PublishWindow(settings.maxInflight());
    }

    @Override
    public MqttProtocolVersion protocolVersion() {
        return MqttProtocolVersion.V3_1_1;
    }

    @Override
    public boolean isConnected() {
        return client != null && client.isConnected();
    }

    @Override
    public String clientId() {
        return client == null ? settings.clientId() : client.getClientId();
    }

    @Override
    protected void doStart() throws Exception {
        resubscriber = camelContext.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "RrpcResubscribe[" + settings.brokerUrl() + "]");
        restorer = new SubscriptionRestorer(subscriptions, settings, resubscriber, () -> isConnected() && isStarted(),
                this::tellEachListener);
        client = settings.client() != null ? settings.client() : newClient();
        client.setCallback(this);
        if (!client.isConnected()) {
            try {
                connect();
            } catch (Exception e) {
                closeOwnedClient();
                throw e;
            }
        }
        LOG.info("Connected to MQTT broker {} as client {}", settings.describe(), client.getClientId());
        readerSeen = ReaderThreads.alive(client.getClientId());
        resubscriber.scheduleWithFixedDelay(this::checkReader, READER_CHECK_MILLIS, READER_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Notices a dead reader thread and reconnects. Acts only once the thread has been seen alive, so a Paho that
     * names its threads otherwise is left alone.
     */
    private void checkReader() {
        MqttAsyncClient current = client;
        if (current == null || !current.isConnected()) {
            return;
        }
        if (ReaderThreads.alive(current.getClientId())) {
            readerSeen = true;
            return;
        }
        if (!readerSeen) {
            return;
        }
        deadReaders.incrementAndGet();
        LOG.error("The MQTT client for {} stopped reading (its reader thread died); reconnecting", settings.describe());
        try {
            current.disconnectForcibly(0, 1000, false);
        } catch (MqttException e) {
            LOG.debug("Forced disconnect from {} failed: {}", settings.describe(), e.getMessage());
        }
        connectionLost(new MqttConnectionException("the MQTT client stopped reading from " + settings.describe()));
        if (settings.automaticReconnect()) {
            try {
                resubscribeOnConnect = true;
                current.reconnect();
            } catch (MqttException e) {
                LOG.error("Cannot reconnect to {}: {}", settings.describe(), ConnectFailure.explain(e));
            }
        }
    }

    /** Times the reader thread was found dead and the connection made again. */
    public long deadReaders() {
        return deadReaders.get();
    }

    private MqttAsyncClient newClient() throws MqttException {
        if (settings.credentials() != null) {
            return new SigningMqttClient(settings.brokerUrl(), settings.credentials());
        }
        String clientId = settings.clientId() != null
                ? settings.clientId()
                : "rrpc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return new MqttAsyncClient(settings.brokerUrl(), clientId, new MemoryPersistence());
    }

    private void connect() throws Exception {
        try {
            client.connect(connectOptions()).waitForCompletion(waitMillis());
        } catch (MqttException e) {
            throw new MqttConnectionException(
                    "Cannot connect to MQTT broker " + settings.describe() + " as client " + client.getClientId()
                                              + ": " + ConnectFailure.explain(e, loginOptions()),
                    e);
        }
    }

    /** The options to check when the broker refuses the login. */
    private String loginOptions() {
        return ConnectFailure.loginOptions(settings);
    }

    private MqttConnectOptions connectOptions() throws Exception {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(settings.cleanSession());
        options.setKeepAliveInterval(settings.keepAliveInterval());
        options.setConnectionTimeout(settings.connectionTimeout());
        options.setAutomaticReconnect(settings.automaticReconnect());
        options.setMaxReconnectDelay(settings.maxReconnectDelay());
        options.setMaxInflight(settings.maxInflight());
        if (settings.userName() != null) {
            options.setUserName(settings.userName());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
        }
        options.setSocketFactory(socketFactory());
        return options;
    }

    private SocketFactory socketFactory() throws Exception {
        boolean tls = settings.brokerUrl().startsWith("ssl://");
        if (tls) {
            javax.net.ssl.SSLSocketFactory factory = settings.sslContextParameters() != null
                    ? settings.sslContextParameters().createSSLContext(camelContext).getSocketFactory()
                    : (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault();
            return settings.tcpNoDelay() ? new NoDelaySslSocketFactory(factory) : factory;
        }
        guardedSockets = new GuardedSocketFactory(settings.tcpNoDelay(), new Inbound(), waitMillis());
        return guardedSockets;
    }

    @Override
    protected void doStop() throws Exception {
        direct = null;
        subscriptions.clear();
        closeOwnedClient();
        client = null;
        camelContext.getExecutorServiceManager().shutdownNow(resubscriber);
    }

    /** Disconnects and closes the client unless the user supplied it. */
    private void closeOwnedClient() {
        if (client == null || settings.client() != null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(waitMillis());
            }
        } catch (MqttException e) {
            LOG.debug("Disconnect from {} failed: {}", settings.describe(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Closing the client of {} failed: {}", settings.describe(), e.getMessage());
        }
    }

    /** Paho may fail a SUBSCRIBE in flight before it tells {@link #connectionLost}. */
    @Override
    protected boolean isConnectionLoss(Throwable failure) {
        return failure instanceof MqttException e
               && (e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                   || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
    }

    @Override
    protected String explain(Throwable failure) {
        return ConnectFailure.explain(failure);
    }

    /** A SUBSCRIBE through Paho; the outcome never comes on the calling thread's stack twice. */
    @Override
    protected void sendSubscribe(String[] filters, int[] qos, BiConsumer<boolean[], Throwable> done) {
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.accept(granted(token.getGrantedQos(), filters.length), null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    done.accept(null, failure);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.accept(null, e);
        }
    }

    private static boolean[] granted(int[] grantedQos, int filters) {
        boolean[] granted = new boolean[filters];
        for (int i = 0; i < filters && grantedQos != null && i < grantedQos.length; i++) {
            granted[i] = grantedQos[i] != SUBSCRIPTION_REFUSED;
        }
        return granted;
    }

    /** An UNSUBSCRIBE through Paho; the outcome never comes on the calling thread's stack twice. */
    @Override
    protected void sendUnsubscribe(String[] filters, Consumer<Throwable> done) {
        try {
            client.unsubscribe(filters, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.accept(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    LOG.debug("Unsubscribe from {} failed: {}", List.of(filters), failure.getMessage());
                    done.accept(failure);
                }
            });
        } catch (MqttException | RuntimeException e) {
            LOG.debug("Unsubscribe from {} failed: {}", List.of(filters), e.getMessage());
            done.accept(e);
        }
    }

    /**
     * Publishes. The callback runs exactly once. A QoS 0 message on a plain TCP connection made by this class is
     * written to the socket on this thread (Paho's own packets wait, or wait for it, at packet boundaries), and the
     * callback runs on this thread; the write waits only while the socket's send buffer is full, i.e. while the broker
     * does not read. Anything else is handed to the MQTT client without blocking, and the callback runs on its thread,
     * or on this one when the publish fails at once (e.g. not connected).
     */
    @Override
    public void publish(String topic, byte[] payload, int qos, PublishCallback callback) {
        OutboundPacketStream out = qos == 0 ? direct : null;
        if (out == null) {
            window.submit(() -> startPublish(topic, payload, qos, callback));
            return;
        }
        Exception failure = null;
        try {
            out.writePacket(Qos0Publish.encode(topic, payload));
            directPublishes.increment();
        } catch (IOException | IllegalArgumentException e) {
            failure = new MqttConnectionException(
                    "Cannot publish to '" + topic + "' on " + settings.describe() + ": " + e.getMessage(), e);
        }
        callback.completed(failure);
    }

    /** Sends the topic, payload and QoS; MQTT 3.1.1 has no place for the properties. */
    @Override
    public CompletableFuture<PublishResult> publish(OutboundMessage message) {
        CompletableFuture<PublishResult> done = new CompletableFuture<>();
        publish(message.topic(), message.payload(), message.qos(), failure -> {
            if (failure == null) {
                done.complete(PublishResult.DONE);
            } else {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    /** QoS 0 messages written on the publishing thread, not through Paho. */
    public long directPublishes() {
        return directPublishes.sum();
    }

    private boolean startPublish(String topic, byte[] payload, int qos, PublishCallback callback) {
        MqttAsyncClient current = client;
        if (current == null) {
            callback.completed(new MqttConnectionException("Not connected to " + settings.describe() + ": stopped"));
            return false;
        }
        try {
            current.publish(topic, payload, qos, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                    callback.completed(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    window.release();
                    callback.completed(failure);
                }
            });
            return true;
        } catch (MqttException | RuntimeException e) {
            callback.completed(new MqttConnectionException(
                    "Cannot publish to '" + topic + "' on " + settings.describe() + ": " + ConnectFailure.explain(e), e));
            return false;
        }
    }

    /** What the socket's reader handles itself, on Paho's reader thread. */
    private final class Inbound implements InboundPacketStream.Receiver {
        @Override
        public void message(String topic, byte[] payload) {
            arrived(topic, payload);
        }

        @Override
        public void topicDefused() {
            MqttConnection.this.topicDefused();
        }

        @Override
        public void oversized(String topic, int payloadBytes) {
            MqttConnection.this.oversized(topic, payloadBytes, maxPayload);
        }

        @Override
        public int maxPayload() {
            return maxPayload;
        }
    }

    /**
     * Accepts payloads up to this size from now on, unless a larger size was accepted before: the connection's
     * endpoints check their own limits. Larger messages are skipped unread on plain TCP (counted in
     * {@link #oversizedMessages()}) and reported to their subscriptions' {@link MessageListener#onOversized}.
     */
    @Override
    public synchronized void acceptPayloads(int maxBytes) {
        maxPayload = Math.max(maxPayload, maxBytes);
    }

    private void topicDefused() {
        long count = defusedTopics.incrementAndGet();
        if (Long.bitCount(count) == 1) {
            LOG.warn("Dropped a message whose topic the MQTT client (Paho 1.2.5) cannot decode; {} so far on {}", count,
                    settings.describe());
        }
    }

    /**
     * Messages dropped (QoS 0) or defused (else) because Paho could not have decoded their topic (they would have
     * stopped its reader).
     */
    @Override
    public long undecodablePackets() {
        return defusedTopics.get();
    }

    /** Messages Paho decoded: those at QoS 1, and every message on TLS connections. */
    @Override
    public void messageArrived(String topic, MqttMessage message) {
        arrived(topic, message.getPayload());
    }

    /** Every message, on the thread that decoded it: Paho's callback thread, or its reader for QoS 0 on TCP. */
    private void arrived(String topic, byte[] payload) {
        subscriptions.forEachMatch(topic, subscription -> deliver(subscription, topic, payload));
    }

    private static void deliver(Subscription subscription, String topic, byte[] payload) {
        try {
            subscription.listener().onMessage(topic, payload);
        } catch (Throwable e) {
            // an exception here would make Paho drop the connection, or, on its reader thread, kill the reader
            LOG.warn("Listener of {} failed on a message to '{}' ({} bytes): {}", subscription.filter(), topic,
                    payload.length, e.getMessage(), e);
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        direct = null;
        subscriptions.connectionLost(new MqttException(MqttException.REASON_CODE_CONNECTION_LOST, cause));
        LOG.warn("Lost connection to MQTT broker {}: {}{}", settings.describe(), cause == null ? "" : cause.getMessage(),
                settings.automaticReconnect() ? "; reconnecting" : "");
        tellEachListener(listener -> listener.connectionLost(cause));
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        direct = guardedSockets == null ? null : guardedSockets.latestOutbound();
        signalConnected();
        // Paho reports the reconnect that follows our forced disconnect as a first connect
        if (reconnect || resubscribeOnConnect) {
            resubscribeOnConnect = false;
            long connectedAt = System.nanoTime();
            tellEachListener(ConnectionListener::reconnected);
            resubscriber.execute(() -> restorer.restore(connectedAt));
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // publish outcomes arrive through each publish's own listener
    }

    @Override
    public String toString() {
        return "MqttConnection[" + settings.describe() + "]";
    }
}
