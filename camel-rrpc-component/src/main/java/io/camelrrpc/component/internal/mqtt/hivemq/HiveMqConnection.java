package io.camelrrpc.component.internal.mqtt.hivemq;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttWebSocketConfig;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import io.camelrrpc.component.credentials.MqttLogin;
import io.camelrrpc.component.internal.mqtt.ConnectionDownException;
import io.camelrrpc.component.internal.mqtt.ConnectionListener;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.FilterSubscribingTransport;
import io.camelrrpc.component.internal.mqtt.FilterSubscriptions;
import io.camelrrpc.component.internal.mqtt.InboundMessage;
import io.camelrrpc.component.internal.mqtt.InboundMessageListener;
import io.camelrrpc.component.internal.mqtt.MqttConnectionException;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.OutboundMessage;
import io.camelrrpc.component.internal.mqtt.PublishResult;
import io.camelrrpc.component.internal.mqtt.Subscription;
import io.camelrrpc.component.internal.mqtt.SubscriptionRestorer;
import io.reactivex.Scheduler;
import io.reactivex.schedulers.Schedulers;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker connection on the HiveMQ MQTT Client (Netty): MQTT 3.1.1 or 5, over {@code tcp://}, {@code ssl://},
 * {@code ws://} or {@code wss://}.
 * <p>
 * Everything is asynchronous: publishes and subscriptions go to the client, and their outcomes and the messages that
 * arrive are handled on the client's Netty thread, where the component's listeners only match, count and hand work to
 * pools of their own (never a route); connection events go to this connection's callback threads (taken from Camel's
 * {@code ExecutorServiceManager}). So neither a caller nor the Netty thread ever waits for the broker. The client's keep-alive
 * counts all traffic both ways and closes a connection that stays silent; this class then reconnects (with growing
 * pauses up to {@code maxReconnectDelay}), and after a clean-session reconnect makes every subscription again in
 * batched SUBSCRIBE packets (the client's own replay would send one packet per original SUBSCRIBE). Subscriptions are
 * kept, ordered per filter and restored by {@link FilterSubscriptions} and {@link SubscriptionRestorer}; this class
 * sends their packets through the HiveMQ client.
 * <p>
 * On MQTT 5 the CONNECT tells the broker the largest packet it may send us ({@link #maximumPacketSize}): it drops
 * larger messages for us instead of sending them, so they never reach this JVM's memory. A malformed packet from the
 * broker makes the client close the connection (as MQTT requires); it is counted ({@link #undecodablePackets()}) and
 * named as the cause of the drop.
 * <p>
 * With {@link ConnectionSettings#credentials()} every connect logs in afresh: the first one and each reconnect get
 * a new client id, user name and password from {@link io.camelrrpc.component.credentials.DeviceCredentials#nextLogin()}.
 * The HiveMQ client keeps its client id for life, so such a connection reconnects with a new client of its own.
 */
public final class HiveMqConnection extends FilterSubscribingTransport {

    /** Granted QoS values up to this one mean success; the rest (0x80 and above) refusals. */
    private static final int HIGHEST_GRANTED_QOS = 2;
    private static final long FIRST_RECONNECT_DELAY_MILLIS = 1000;
    private static final int CALLBACK_THREADS = 2;
    /**
     * Where the client runs its callbacks (messages, publish and subscribe outcomes): on its Netty thread, at once.
     * Every callback of the component only matches, counts and hands work to a pool of its own (replies to the
     * correlator's completion pool, requests to the consumer's), so a message costs one thread hand-off instead of two.
     * Not {@code Schedulers.trampoline()}: a delayed task on it would sleep the Netty thread.
     */
    private static final Scheduler ON_THE_IO_THREAD = Schedulers.from(Runnable::run);
    /**
     * What an MQTT 5 PUBLISH may carry besides its payload within our Maximum Packet Size. The packet layout: fixed
     * header (up to 5 bytes), topic (2 + its bytes), packet identifier (2), property length (up to 4), properties.
     * A Tencent- or Alibaba-style topic is at most a few hundred bytes (e.g. {@code $rrpc/txd/} + a 10-character
     * productId + a 48-character deviceName + a 16-character processId: 86 bytes), and our request properties (Response
     * Topic of that size, Correlation Data of the processId, Message Expiry, payload format, content type) about 150
     * more. 64 KiB cover that some 200 times over and leave about 63 KiB for user properties (Camel headers) and for
     * longer names; a reply over maxPayloadSize but within this headroom still arrives and fails its call at once.
     */
    static final int PACKET_HEADROOM = 64 * 1024;
    /** The largest packet MQTT can carry: 1 byte of type and flags, 4 of remaining length, 268,435,455 more. */
    private static final int LARGEST_PACKET = 1 + 4 + 268_435_455;
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqConnection.class);

    private final CamelContext camelContext;
    private final MqttProtocolVersion version;
    private final AtomicLong undecodablePackets = new AtomicLong();
    /** Failed connects since the last success, with fresh logins (credentials). */
    private final AtomicInteger freshAttempts = new AtomicInteger();
    private final AtomicBoolean connectedOnce = new AtomicBoolean();
    private ScheduledExecutorService callbacks;
    private SubscriptionRestorer restorer;
    private volatile ProtocolClient client;
    /** The client whose message handler is in place for its current session. */
    private volatile ProtocolClient receiving;
    private volatile String clientId;
    /** Largest payload delivered as a message; -1 until an endpoint says. */
    private volatile int maxPayload = -1;
    /** Whether the connection is up as far as listeners know: lost and restored are told once each. */
    private volatile boolean up;
    private volatile boolean stopping;

    public HiveMqConnection(CamelContext camelContext, ConnectionSettings settings) {
        super(settings);
        MqttProtocolVersion version = settings.protocolVersion();
        if (version == MqttProtocolVersion.V3_1_1 && settings.password() != null && settings.userName() == null) {
            throw new IllegalArgumentException("MQTT 3.1.1 sends a password only with a userName: set userName too");
        }
        BrokerAddress.parse(settings.brokerUrl());
        this.camelContext = camelContext;
        this.version = version;
        this.clientId = settings.clientId() != null || settings.credentials() != null
                ? settings.clientId()
                : "rrpc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Override
    public MqttProtocolVersion protocolVersion() {
        return version;
    }

    @Override
    public boolean isConnected() {
        ProtocolClient current = client;
        return current != null && current.state().isConnected();
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    protected void doStart() throws Exception {
        stopping = false;
        ThreadPoolProfile profile = new ThreadPoolProfile("RrpcHiveMq");
        profile.setPoolSize(CALLBACK_THREADS);
        // unbounded: a callback the pool refused would be a publish outcome or a message lost without a trace
        profile.setMaxQueueSize(-1);
        callbacks = camelContext.getExecutorServiceManager()
                .newScheduledThreadPool(this, "RrpcHiveMq[" + settings.describe() + "]", profile);
        restorer = new SubscriptionRestorer(subscriptions, settings, callbacks, () -> isConnected() && isStarted(),
                this::tellListeners);
        ProtocolClient created = newClient();
        created.receive(this::arrived);
        receiving = created;
        client = created;
        try {
            created.connect().get(waitMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stopClient();
            throw new MqttConnectionException(
                    "Cannot connect to MQTT broker " + settings.describe() + " (MQTT " + version + ") as client "
                                              + clientId + ": " + HiveMqFailures.explain(e)
                                              + (HiveMqFailures.loginRefused(e)
                                                      ? " (check " + settings.loginOptions() + ")" : ""),
                    HiveMqFailures.unwrap(e));
        }
        LOG.info("Connected to MQTT broker {} (MQTT {}, HiveMQ client) as client {}", settings.describe(), version,
                clientId);
    }

    /** A client for the next connect: with a fresh login when the settings have credentials. */
    private ProtocolClient newClient() throws Exception {
        String userName = settings.userName();
        String password = settings.password();
        if (settings.credentials() != null) {
            MqttLogin login = settings.credentials().nextLogin();
            clientId = login.clientId();
            userName = login.userName();
            password = login.password();
        }
        return ProtocolClient.create(version, clientBuilder(), new ProtocolClient.ConnectOptions(
                settings.keepAliveInterval(), settings.cleanSession(), userName, password, maximumPacketSize(settings)));
    }

    /**
     * The Maximum Packet Size an MQTT 5 CONNECT asks for: the settings' maxPayloadSize plus {@link #PACKET_HEADROOM};
     * 0 (the protocol's limit) when they set none.
     */
    static int maximumPacketSize(ConnectionSettings settings) {
        return settings.maxPayloadSize() == ConnectionSettings.ANY_PAYLOAD
                ? 0 : (int) Math.min(LARGEST_PACKET, (long) settings.maxPayloadSize() + PACKET_HEADROOM);
    }

    private MqttClientBuilder clientBuilder() throws Exception {
        BrokerAddress address = BrokerAddress.parse(settings.brokerUrl());
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(address.host()).serverPort(address.port())
                .socketConnectTimeout(settings.connectionTimeout(), TimeUnit.SECONDS)
                .mqttConnectTimeout(settings.connectionTimeout(), TimeUnit.SECONDS);
        if (address.tls()) {
            transport.sslConfig(TlsConfigs.from(settings.sslContextParameters(), camelContext));
        }
        if (address.webSocket()) {
            transport.webSocketConfig(MqttWebSocketConfig.builder().serverPath(address.path()).build());
        }
        return MqttClient.builder()
                .identifier(clientId)
                .transportConfig(transport.build())
                .executorConfig(MqttClientExecutorConfig.builder().applicationScheduler(ON_THE_IO_THREAD).build())
                .addConnectedListener(context -> connected(ProtocolClient.sessionPresent(context)))
                .addDisconnectedListener(this::disconnected);
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        subscriptions.clear();
        stopClient();
        // the outcomes of the last publishes still run
        camelContext.getExecutorServiceManager().shutdown(callbacks);
    }

    private void stopClient() {
        ProtocolClient current = client;
        client = null;
        if (current == null) {
            return;
        }
        try {
            current.disconnect().get(waitMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Disconnect from {} failed: {}", settings.describe(), HiveMqFailures.explain(e));
        }
    }

    /** On the client's Netty thread: decides about reconnecting, and tells listeners elsewhere. */
    private void disconnected(MqttClientDisconnectedContext context) {
        MqttClientReconnector reconnector = context.getReconnector();
        // this class makes the subscriptions again itself, in batches: the client must forget them with the session
        reconnector.resubscribeIfSessionExpired(false);
        boolean reconnect = connectedOnce.get() && !stopping && settings.automaticReconnect()
                            && context.getSource() != MqttDisconnectSource.USER;
        if (reconnect && settings.credentials() != null) {
            // a fresh login may carry a new client id, which only a new client can send
            callbacks.schedule(this::reconnectWithFreshLogin, reconnectDelayMillis(freshAttempts.getAndIncrement()),
                    TimeUnit.MILLISECONDS);
        } else if (reconnect) {
            reconnector.reconnect(true).delay(reconnectDelayMillis(reconnector.getAttempts()), TimeUnit.MILLISECONDS);
        }
        Throwable cause = context.getCause();
        boolean malformed = HiveMqFailures.malformedPacket(cause);
        if (malformed) {
            undecodablePackets.incrementAndGet();
        }
        if (stopping) {
            up = false;
            return;
        }
        // on this thread, before any reconnect; what it tells subscriptions waiting for a SUBACK is cheap
        subscriptions.connectionLost(cause != null ? cause : new IllegalStateException("the connection was lost"));
        if (up) {
            up = false;
            String reason = HiveMqFailures.explain(cause);
            LOG.warn("Lost connection to MQTT broker {}: {}{}", settings.describe(), reason,
                    reconnector.isReconnect() ? "; reconnecting" : "");
            Throwable told = malformed ? new MqttConnectionException(reason, cause) : cause;
            tellListeners(listener -> listener.connectionLost(told));
        }
    }

    /** Connects a new client with a new login; a failure comes to {@link #disconnected} again, which tries later. */
    private void reconnectWithFreshLogin() {
        if (stopping || !isStarted()) {
            return;
        }
        try {
            ProtocolClient created = newClient();
            client = created;
            created.connect();
        } catch (Exception e) {
            LOG.error("Cannot reconnect to {}: {}", settings.describe(), HiveMqFailures.explain(e));
        }
    }

    private long reconnectDelayMillis(int attempts) {
        return Math.min(settings.maxReconnectDelay(), FIRST_RECONNECT_DELAY_MILLIS << Math.min(attempts, 20));
    }

    /** On the client's Netty thread. */
    private void connected(boolean sessionPresent) {
        long connectedAt = System.nanoTime();
        up = true;
        freshAttempts.set(0);
        signalConnected();
        if (connectedOnce.compareAndSet(false, true) || stopping) {
            return;
        }
        callbacks.execute(() -> restore(sessionPresent, connectedAt));
    }

    /** After a reconnect: the subscriptions are still there with the session, else they are made again. */
    private void restore(boolean sessionPresent, long connectedAt) {
        ProtocolClient current = client;
        if (current == null) {
            return;
        }
        if (!sessionPresent || receiving != current) {
            // a new client, or one that forgot its message handler with the session: give it before any SUBSCRIBE
            current.receive(this::arrived);
            receiving = current;
        }
        if (sessionPresent) {
            subscriptions.sessionResumed();
        }
        restorer.restore(connectedAt);
    }

    private void tellListeners(Consumer<ConnectionListener> event) {
        callbacks.execute(() -> tellEachListener(event));
    }

    @Override
    protected String explain(Throwable failure) {
        return HiveMqFailures.explain(failure);
    }

    /** The client of the current connection, or {@code null} while not connected. */
    private ProtocolClient connectedClient() {
        ProtocolClient current = client;
        return current != null && current.state().isConnected() ? current : null;
    }

    /**
     * SUBSCRIBE packets (and UNSUBSCRIBE ones, {@link #sendUnsubscribe}) through the HiveMQ client; fail at once while
     * not connected (the client would hold them until it reconnects, when {@link FilterSubscriptions#restore()} sends
     * what is still wanted).
     */
    @Override
    protected void sendSubscribe(String[] filters, int[] qos, BiConsumer<boolean[], Throwable> done) {
        ProtocolClient current = connectedClient();
        if (current == null) {
            done.accept(null, new ConnectionDownException("not connected to the broker", null));
            return;
        }
        try {
            current.subscribe(filters, qos).whenComplete(
                    (codes, failure) -> done.accept(failure == null ? granted(codes, filters.length) : null, failure));
        } catch (RuntimeException e) {
            done.accept(null, e);
        }
    }

    private static boolean[] granted(List<Integer> codes, int filters) {
        boolean[] granted = new boolean[filters];
        for (int i = 0; i < filters && i < codes.size(); i++) {
            granted[i] = codes.get(i) <= HIGHEST_GRANTED_QOS;
        }
        return granted;
    }

    @Override
    protected void sendUnsubscribe(String[] filters, Consumer<Throwable> done) {
        ProtocolClient current = connectedClient();
        if (current == null) {
            done.accept(new IllegalStateException("not connected to the broker"));
            return;
        }
        try {
            current.unsubscribe(List.of(filters)).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    LOG.debug("Unsubscribe from {} failed: {}", List.of(filters), HiveMqFailures.explain(failure));
                }
                done.accept(failure);
            });
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public CompletableFuture<PublishResult> publish(OutboundMessage message) {
        ProtocolClient current = connectedClient();
        if (current == null) {
            // the client would queue it until it reconnects: a request then would reach its device too late
            return CompletableFuture.failedFuture(new MqttConnectionException(
                    "Cannot publish to '" + message.topic() + "' on " + settings.describe() + ": not connected"));
        }
        CompletableFuture<PublishResult> done = new CompletableFuture<>();
        current.publish(message).whenComplete((result, failure) -> {
            if (failure == null) {
                done.complete(result);
            } else {
                done.completeExceptionally(
                        HiveMqFailures.publishFailure(settings.describe(), message.topic(), failure));
            }
        });
        return done;
    }

    @Override
    public synchronized void acceptPayloads(int maxBytes) {
        maxPayload = Math.max(maxPayload, maxBytes);
    }

    /** Malformed packets from the broker: the client closed the connection on each (then it reconnected). */
    @Override
    public long undecodablePackets() {
        return undecodablePackets.get();
    }

    /** Every message, on the client's Netty thread, one at a time per connection. */
    private void arrived(InboundMessage message) {
        int limit = maxPayload;
        if (limit >= 0 && message.payload().length > limit) {
            oversized(message.topic(), message.payload().length, limit);
            return;
        }
        subscriptions.forEachMatch(message.topic(), subscription -> deliver(subscription, message));
    }

    private static void deliver(Subscription subscription, InboundMessage message) {
        try {
            InboundMessageListener.deliver(subscription.listener(), message);
        } catch (Throwable e) {
            LOG.warn("Listener of {} failed on a message to '{}' ({} bytes): {}", subscription.filter(),
                    message.topic(), message.payload().length, e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HiveMqConnection[" + settings.describe() + ", MQTT " + version + "]";
    }
}
