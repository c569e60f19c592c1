package io.camelrrpc.component.internal.mqtt.hivemq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientSslConfig;
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
 * counts all traffic both ways and closes a connection that stays silent; this class then reconnects, to the next
 * node of a {@code brokerUrl} list at once and with growing pauses up to {@code maxReconnectDelay} only after every
 * node failed (see {@link FailoverSchedule}), and after a clean-session reconnect makes every subscription again in
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
    private final BrokerAddresses brokers;
    private final FailoverSchedule schedule;
    /** Why each broker refused the first connect, in order: the start fails naming them all. */
    private final Queue<String> startFailures = new ConcurrentLinkedQueue<>();
    private volatile Map<BrokerAddress, MqttClientTransportConfig> transports;
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
        this.brokers = BrokerAddresses.parse(settings.brokerUrl());
        this.schedule = new FailoverSchedule(brokers, settings.maxReconnectDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
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
        transports = transportConfigs();
        startFailures.clear();
        restorer = new SubscriptionRestorer(subscriptions, this, callbacks, () -> isConnected() && isStarted(),
                this::tellListeners);
        ProtocolClient created = newClient();
        created.receive(this::arrived);
        receiving = created;
        client = created;
        try {
            created.connect().get(startWaitMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stopClient();
            throw new MqttConnectionException(
                    "Cannot connect to MQTT broker " + settings.describe() + " (MQTT " + version + ") as client "
                                              + clientId + ": "
                                              + (brokers.size() == 1 || startFailures.isEmpty()
                                                      ? HiveMqFailures.explain(e) : String.join("; ", startFailures))
                                              + (HiveMqFailures.loginRefused(e)
                                                      ? " (check " + settings.loginOptions() + ")" : ""),
                    HiveMqFailures.unwrap(e));
        }
        LOG.info("Connected to MQTT broker {} (MQTT {}, HiveMQ client) as client {}", describeCurrent(), version,
                clientId);
    }

    /** Long enough to try every broker of the list once, each within connectionTimeout. */
    private long startWaitMillis() {
        return brokers.size() * (waitMillis() - 1000L) + 1000L;
    }

    /** The broker in use, and the list it is one of. */
    private String describeCurrent() {
        String current = schedule.current().url();
        return brokers.size() == 1 ? current : current + " (of " + brokers + ")";
    }

    /** The node of the cluster the connection is on now, or tries to reach: one of the brokerUrl list. */
    @Override
    public String currentBroker() {
        return schedule.current().url();
    }

    /** Connections made on another broker of the list than the one before. */
    @Override
    public long failovers() {
        return schedule.failovers();
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

    /** Where and how to reach each broker of the list; TLS settings are read once, for all. */
    private Map<BrokerAddress, MqttClientTransportConfig> transportConfigs() throws Exception {
        MqttClientSslConfig tls = brokers.tls() ? TlsConfigs.from(settings.sslContextParameters(), camelContext) : null;
        Map<BrokerAddress, MqttClientTransportConfig> configs = new HashMap<>();
        for (int i = 0; i < brokers.size(); i++) {
            BrokerAddress address = brokers.get(i);
            MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                    .serverHost(address.host()).serverPort(address.port())
                    .socketConnectTimeout(settings.connectionTimeout(), TimeUnit.SECONDS)
                    .mqttConnectTimeout(settings.connectionTimeout(), TimeUnit.SECONDS)
                    .sslConfig(tls);
            if (address.webSocket()) {
                transport.webSocketConfig(MqttWebSocketConfig.builder().serverPath(address.path()).build());
            }
            configs.put(address, transport.build());
        }
        return Map.copyOf(configs);
    }

    private MqttClientBuilder clientBuilder() {
        return MqttClient.builder()
                .identifier(clientId)
                .transportConfig(transports.get(schedule.current()))
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
        BrokerAddress lost = schedule.current();
        Throwable cause = context.getCause();
        if (!stopping && context.getSource() != MqttDisconnectSource.USER) {
            tryNextBroker(reconnector, lost, cause);
        }
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
            LOG.warn("Lost connection to MQTT broker {}: {}{}", lost.url(), reason,
                    reconnector.isReconnect() ? "; reconnecting" + (brokers.size() > 1 ? " to " + currentBroker() : "")
                            : "");
            Throwable told = malformed ? new MqttConnectionException(reason, cause) : cause;
            tellListeners(listener -> listener.connectionLost(told));
        }
    }

    /**
     * After a drop or a failed attempt: the next broker of the list, at once within a round (see
     * {@link FailoverSchedule}). At the start, only the first round: when every broker failed the start fails.
     */
    private void tryNextBroker(MqttClientReconnector reconnector, BrokerAddress failed, Throwable cause) {
        boolean starting = !connectedOnce.get();
        if (!starting && !settings.automaticReconnect()) {
            return;
        }
        if (starting) {
            startFailures.add(failed.url() + ": " + HiveMqFailures.explain(cause));
        }
        long pause = schedule.failed();
        if (starting && schedule.roundFailed()) {
            return;
        }
        if (!starting && settings.credentials() != null) {
            // a fresh login may carry a new client id, which only a new client can send
            callbacks.schedule(this::reconnectWithFreshLogin, pause, TimeUnit.MILLISECONDS);
        } else {
            reconnector.reconnect(true).transportConfig(transports.get(schedule.current()))
                    .delay(pause, TimeUnit.MILLISECONDS);
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

    /** On the client's Netty thread. */
    private void connected(boolean sessionPresent) {
        long connectedAt = System.nanoTime();
        up = true;
        if (schedule.connected()) {
            LOG.info("Failed over to MQTT broker {} as client {}", describeCurrent(), clientId);
        }
        signalConnected();
        if (connectedOnce.compareAndSet(false, true) || stopping) {
            return;
        }
        callbacks.execute(() -> restore(sessionPresent, connectedAt));
    }

    /**
     * After a reconnect: tells the listeners, then finds the subscriptions still there with the session, or makes them
     * again.
     */
    private void restore(boolean sessionPresent, long connectedAt) {
        ProtocolClient current = client;
        if (current == null) {
            return;
        }
        tellEachListener(ConnectionListener::reconnected);
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
