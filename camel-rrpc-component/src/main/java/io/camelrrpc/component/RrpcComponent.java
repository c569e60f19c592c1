package io.camelrrpc.component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelrrpc.component.internal.correlation.CallStatisticsSnapshot;
import io.camelrrpc.component.internal.correlation.NodeScopedProcessIdGenerator;
import io.camelrrpc.component.internal.correlation.ReplyCorrelator;
import io.camelrrpc.component.internal.health.RrpcHealthCheckRepository;
import io.camelrrpc.component.internal.metrics.RrpcMetrics;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.MqttTransport;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import io.camelrrpc.component.internal.observe.ConnectionMonitor;
import io.camelrrpc.component.internal.observe.ContextComponents;
import io.camelrrpc.component.internal.observe.Observers;
import io.camelrrpc.component.internal.topic.TopicNames;
import io.camelrrpc.component.spi.CallStatistics;
import io.camelrrpc.component.spi.ConnectionStatus;
import io.camelrrpc.component.spi.ProcessIdGenerator;
import io.camelrrpc.component.spi.RrpcConnection;
import io.camelrrpc.component.spi.RrpcObserver;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.URISupport;

/**
 * The {@code rrpc:} component: synchronous calls to MQTT devices ("Revert RPC", Tencent IoT Hub style). Endpoints
 * with the same broker settings share one MQTT connection, and producers on it share one reply subscription.
 */
@Component("rrpc")
public class RrpcComponent extends DefaultComponent {

    @Metadata(description = "Options shared by every endpoint of this component; endpoints may override each.")
    private RrpcConfiguration configuration = new RrpcConfiguration();
    @Metadata(label = "advanced", defaultValue = "false",
              description = "Publish histogram buckets of the rrpc.calls and rrpc.requests timers, so that a monitoring"
                            + " system such as Prometheus can compute percentiles. Used when a Micrometer MeterRegistry"
                            + " is in the registry.")
    private boolean metricsPercentileHistogram;
    @Metadata(label = "advanced", defaultValue = "false",
              description = "Tag the rrpc.calls and rrpc.requests timers with the device's name too (by default only"
                            + " its product): one time series per device, so only for few devices.")
    private boolean metricsDeviceTag;

    private final Observers observers = new Observers();
    private final Map<MqttTransport, ConnectionMonitor> monitors = new ConcurrentHashMap<>();
    private final SharedServices<ConnectionSettings, MqttTransport> connections =
            new SharedServices<>(ConnectionConflicts::check, this::connectionOpened, this::connectionClosing);
    private final SharedServices<CorrelatorKey, ReplyCorrelator> correlators = new SharedServices<>();
    private RrpcObserver metrics;
    /** Made at start, not at construction: a native image may construct the component at build time. */
    private volatile NodeScopedProcessIdGenerator nodeScopedIds;
    private final ProcessIdGenerator defaultProcessIdGenerator = () -> startedNodeScopedIds().nextId();
    private final PayloadCodec payloadCodec = new PayloadCodec(new ObjectMapper());

    /** Producers on the same connection, reply topics and QoS share one correlator. */
    private record CorrelatorKey(ConnectionSettings settings, String replyTopicTemplate, int qos,
            ReplySubscriptionMode mode, long lingerMillis, String replyExecutorService) {
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        nodeScopedIds = new NodeScopedProcessIdGenerator();
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null) {
            health.register(new RrpcHealthCheckRepository(RrpcComponent::connectionsOf));
        }
        metrics = RrpcMetrics.bind(getCamelContext(), metricsPercentileHistogram, metricsDeviceTag,
                () -> correlators().stream().mapToInt(ReplyCorrelator::pendingCalls).sum());
        if (metrics != null) {
            addObserver(metrics);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (metrics != null) {
            removeObserver(metrics);
            RrpcMetrics.unbind(metrics);
            metrics = null;
        }
        super.doStop();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] path = remaining.split("/", -1);
        if (path.length != 2) {
            throw new IllegalArgumentException(
                    "rrpc endpoint must be rrpc:productId/deviceName (use + for any, on consumers), got 'rrpc:"
                                               + remaining + "'");
        }
        RrpcEndpoint endpoint = new RrpcEndpoint(uri, this, configuration.copy());
        endpoint.setProductId(TopicNames.requireLevelOrWildcard("productId", path[0]));
        endpoint.setDeviceName(TopicNames.requireLevelOrWildcard("deviceName", path[1]));
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /**
     * The connection for the endpoint's settings, shared with endpoints whose settings are equal.
     *
     * @throws IllegalArgumentException when it would collide with another endpoint's connection (same client id or
     *                                  client, other settings)
     */
    MqttTransport acquireConnection(RrpcEndpoint endpoint) throws Exception {
        MqttTransport connection = connections.acquire(endpoint.connectionSettings(), user(endpoint),
                settings -> new HiveMqConnection(getCamelContext(), settings));
        connection.acceptPayloads(endpoint.getConfiguration().getMaxPayloadSize());
        return connection;
    }

    void releaseConnection(MqttTransport connection, RrpcEndpoint endpoint) {
        connections.release(connection.settings(), user(endpoint));
    }

    ReplyCorrelator acquireCorrelator(MqttTransport connection, RrpcEndpoint endpoint) throws Exception {
        RrpcConfiguration config = endpoint.getConfiguration();
        return correlators.acquire(correlatorKey(connection, config), user(endpoint), key -> new ReplyCorrelator(
                getCamelContext(), connection, config.replyTemplate(), key.qos(), key.mode(), key.lingerMillis(),
                key.replyExecutorService(), observers));
    }

    void releaseCorrelator(MqttTransport connection, RrpcEndpoint endpoint) {
        correlators.release(correlatorKey(connection, endpoint.getConfiguration()), user(endpoint));
    }

    /** The endpoint as messages may name it: its URI without secrets. */
    private static String user(RrpcEndpoint endpoint) {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }

    private static CorrelatorKey correlatorKey(MqttTransport connection, RrpcConfiguration config) {
        return new CorrelatorKey(connection.settings(), config.getReplyTopicTemplate(), config.getQos(),
                config.getReplySubscription(), config.getReplySubscriptionLinger(), config.getReplyExecutorService());
    }

    private void connectionOpened(MqttTransport connection) {
        ConnectionMonitor monitor = new ConnectionMonitor(new TransportView(connection),
                () -> pendingCallsOn(connection.settings()), Clock.systemUTC());
        connection.addListener(monitor);
        monitors.put(connection, monitor);
        observers.connectionOpened(monitor);
    }

    private void connectionClosing(MqttTransport connection) {
        ConnectionMonitor monitor = monitors.remove(connection);
        if (monitor != null) {
            connection.removeListener(monitor);
            observers.connectionClosed(monitor);
        }
    }

    private int pendingCallsOn(ConnectionSettings settings) {
        return correlators.byKey().entrySet().stream()
                .filter(entry -> entry.getKey().settings().equals(settings))
                .mapToInt(entry -> entry.getValue().pendingCalls())
                .sum();
    }

    /** Tells the observer what this component's connections, producers and consumers do from now on. */
    public void addObserver(RrpcObserver observer) {
        observers.add(observer);
        monitors.values().forEach(observer::connectionOpened);
    }

    public void removeObserver(RrpcObserver observer) {
        observers.remove(observer);
    }

    Observers observers() {
        return observers;
    }

    /** The broker connections in use now, as health checks, metrics and consoles see them. */
    public List<RrpcConnection> getConnections() {
        return List.copyOf(monitors.values());
    }

    /** The broker connections of every rrpc component of the CamelContext. */
    private static List<RrpcConnection> connectionsOf(CamelContext camelContext) {
        return ContextComponents.of(camelContext, RrpcComponent.class).values().stream()
                .flatMap(component -> component.getConnections().stream())
                .toList();
    }

    /** The state of each broker connection in use now. */
    public List<ConnectionStatus> getConnectionStatuses() {
        return monitors.values().stream().map(ConnectionMonitor::status).toList();
    }

    /**
     * The statistics and pending calls of the producers now, one entry for each group of producers that share a reply
     * subscription (same broker connection, reply topic template and QoS).
     */
    public List<CallStatistics> getCallStatistics() {
        return correlators().stream().map(CallStatisticsSnapshot::of).toList();
    }

    /** The broker connections in use, as the component uses them. */
    List<MqttTransport> transports() {
        return connections.services();
    }

    /** The reply correlators in use. */
    List<ReplyCorrelator> correlators() {
        return correlators.services();
    }

    ProcessIdGenerator defaultProcessIdGenerator() {
        return defaultProcessIdGenerator;
    }

    /** The random prefix of the default processIds of this run; {@code null} until the component starts. */
    String nodePrefix() {
        NodeScopedProcessIdGenerator ids = nodeScopedIds;
        return ids == null ? null : ids.nodePrefix();
    }

    private NodeScopedProcessIdGenerator startedNodeScopedIds() {
        NodeScopedProcessIdGenerator ids = nodeScopedIds;
        if (ids == null) {
            throw new IllegalStateException("The rrpc component is not started: its processIds are made from start on");
        }
        return ids;
    }

    PayloadCodec payloadCodec() {
        return payloadCodec;
    }

    public RrpcConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RrpcConfiguration configuration) {
        this.configuration = configuration;
    }

    public boolean isMetricsPercentileHistogram() {
        return metricsPercentileHistogram;
    }

    public void setMetricsPercentileHistogram(boolean metricsPercentileHistogram) {
        this.metricsPercentileHistogram = metricsPercentileHistogram;
    }

    public boolean isMetricsDeviceTag() {
        return metricsDeviceTag;
    }

    public void setMetricsDeviceTag(boolean metricsDeviceTag) {
        this.metricsDeviceTag = metricsDeviceTag;
    }
}
