package io.camelrrpc.component.springboot;

import java.time.Duration;

import io.camelrrpc.component.DeviceBusyPolicy;
import io.camelrrpc.component.ReplySubscriptionMode;
import io.camelrrpc.component.RrpcConfiguration;
import io.camelrrpc.component.RrpcDialect;
import io.camelrrpc.component.spi.ProcessIdGenerator;
import io.camelrrpc.component.credentials.DeviceCredentials;
import io.camelrrpc.component.credentials.SignMethod;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.rrpc.*} properties: every option of the rrpc component, copied onto it when Camel
 * creates it. Options left unset keep the component's defaults (shown here for IDEs). Options whose type is a bean
 * also take a reference such as {@code #myBean}.
 * <p>
 * To add an option of the component: one field with the component's description as Javadoc (a sentence for Spring
 * users may follow it), and its getter and setter.
 */
@ConfigurationProperties(prefix = RrpcComponentConfiguration.PREFIX)
public class RrpcComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    public static final String PREFIX = "camel.component.rrpc";

    /**
     * Whether to enable auto configuration of the rrpc component. This is enabled by default.
     */
    private boolean enabled = true;
    /**
     * The MQTT broker: tcp://host:port, or ssl://host:port with sslContextParameters, or ws://host:port/path and
     * wss://host:port/path (WebSocket); or a comma-separated list of the nodes of a broker cluster, all with the same
     * scheme: the connection starts on the first that answers and, when it loses its node, tries the next ones at once
     * (round robin).
     */
    private String brokerUrl = "tcp://localhost:1883";
    /**
     * The MQTT version: 3.1.1, or 5 for request/response properties and offline fast-fail.
     */
    private String protocolVersion = "3.1.1";
    /**
     * MQTT client id. Endpoints with the same broker settings share one connection and so one client id;
     * endpoints with the same client id and other connection settings fail to start. By default a random id is
     * generated.
     */
    private String clientId;
    /**
     * User name for the broker.
     */
    private String userName;
    /**
     * Password for the broker.
     */
    private String password;
    /**
     * TLS settings (keystores, trust) for ssl:// brokers. A bean reference such as #mySslContext, or nested properties.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * The device's secret, for an endpoint that is one device (rrpc:P/D, not a gateway): client id, user name and
     * password are then signed afresh for every connect, as the dialect's device SDKs do. Tencent: the device key
     * (PSK), Base64. Alibaba: the DeviceSecret. Not with userName or password.
     */
    private String deviceSecret;
    /**
     * How deviceSecret signs: HmacSha256, HmacSha1 or (Alibaba only) HmacMd5.
     */
    private SignMethod signMethod = SignMethod.HmacSha256;
    /**
     * Tencent: the SDK app id in the signed user name. 12010126 as Tencent's Java device SDK; its C SDK uses
     * 21010406.
     */
    private String sdkAppId = "12010126";
    /**
     * Signs the login for each connect instead of deviceSecret, e.g. for another cloud's scheme. Endpoints share a
     * connection only with equal credentials. A bean reference such as #myCredentials.
     */
    private DeviceCredentials deviceCredentials;
    /**
     * QoS of requests, replies and subscriptions. 0, like the Tencent device SDKs, or 1.
     */
    private Integer qos = 0;
    /**
     * How long a call waits for the device's reply before it fails with RrpcTimeoutException (4 s as in Tencent
     * IoT Hub). The CamelRrpcRequestTimeout header overrides it per call. Milliseconds, or a duration such as 2s.
     */
    private Duration requestTimeout = Duration.ofMillis(4000);
    /**
     * Which cloud's RRPC to speak. Tencent: $rrpc/rxd/{productId}/{deviceName}/{processId} (replies: txd). Alibaba:
     * /sys/{productId}/{deviceName}/rrpc/request/{processId} (replies: response; productId is the ProductKey; qos must
     * be 0). Custom: requestTopicTemplate and replyTopicTemplate. It also chooses how deviceSecret signs the login.
     */
    private RrpcDialect dialect = RrpcDialect.Tencent;
    /**
     * Topic of requests, with the placeholders {productId}, {deviceName} and {processId}, each a whole topic
     * level. By default the dialect's; one that differs makes the topics Custom.
     */
    private String requestTopicTemplate;
    /**
     * Topic of replies, with the same placeholders. By default the dialect's; one that differs makes the topics
     * Custom.
     */
    private String replyTopicTemplate;
    /**
     * Makes processIds. The default makes 16-character ids, fixed width, unique per call and across nodes sharing a
     * broker. A bean reference such as #myGenerator.
     */
    private ProcessIdGenerator processIdGenerator;
    /**
     * Longest processId, in UTF-8 bytes, that devices accept (Tencent's C SDK: 16).
     */
    private Integer processIdMaxLength = 16;
    /**
     * Most calls in flight to one device; 0 for no limit. Default 1, because Tencent's C device SDK keeps a single
     * processId: an application that answers after its message callback answers overlapping calls with the latest
     * id, so a reply could reach the wrong call. Raise it for devices that answer each request with its own id.
     */
    private Integer maxConcurrentCallsPerDevice = 1;
    /**
     * With maxConcurrentCallsPerDevice=1: after a call times out, how long the device's next call waits, unless the
     * late answer comes first (it is then dropped and counted). Tencent's C SDK keeps only the latest processId, so a
     * device that answers late answers under the id of the last request it received: a call sent meanwhile would get
     * the old answer. The default gives a device as long again as Tencent's 4 s timeout. 0 sends the next call at
     * once. Milliseconds, or a duration such as 2s.
     */
    private Duration afterTimeoutDelay = Duration.ofMillis(4000);
    /**
     * When a device is busy: Wait (the call's timeout keeps running) or Reject (fail at once with
     * RrpcRejectedException).
     */
    private DeviceBusyPolicy deviceBusyPolicy = DeviceBusyPolicy.Wait;
    /**
     * Most calls pending (waiting for a reply or for their turn) on one broker connection; more are rejected with
     * RrpcRejectedException, so memory stays bounded.
     */
    private Integer maxPendingCalls = 100_000;
    /**
     * Largest request or reply payload in bytes. A larger request fails the call before it is sent; a larger reply is
     * dropped, counted and fails its call; a consumer drops larger requests and does not send larger replies. Tencent's
     * C SDK buffer holds 2048 bytes by default. With protocolVersion=5 it is a connection option too: the connection
     * asks the broker for no packet over this plus 64 KiB (Maximum Packet Size), so the broker drops larger messages
     * for it (a call whose reply it drops times out), and endpoints share a connection only with equal values.
     */
    private Integer maxPayloadSize = 1_048_576;
    /**
     * How replies reach this node. Wildcard: one subscription to all replies (best on one node; with N nodes each
     * receives all N nodes' replies). PerDevice: a subscription per device called, made before the first call (one
     * extra round trip) and kept while used plus replySubscriptionLinger; each node receives only its devices' replies,
     * so it scales out.
     */
    private ReplySubscriptionMode replySubscription = ReplySubscriptionMode.Wildcard;
    /**
     * In PerDevice mode, how long a device's reply subscription is kept after its last call.
     */
    private Duration replySubscriptionLinger = Duration.ofMillis(60_000);
    /**
     * Where replies that come after their call timed out go, e.g. direct:late or seda:late: each becomes a new
     * exchange with the reply as body and the headers CamelRrpcProductId, CamelRrpcDeviceName, CamelRrpcProcessId,
     * CamelRrpcRequestTimeout (the call's timeout, ms) and CamelRrpcLateBy (ms after the timeout). Without it late
     * replies are counted and dropped.
     */
    private String lateReplyUri;
    /**
     * How long after its call's timeout a reply still counts as late (and goes to lateReplyUri); later ones count as
     * unmatched. At most 10,000 timed-out calls are remembered per connection.
     */
    private Duration lateReplyWindow = Duration.ofMillis(60_000);
    /**
     * Where calls complete, so where the route after the producer goes on: the name of an ExecutorService bean (used as
     * it is) or of a Camel ThreadPoolProfile (a pool is made from it). By default a pool of max(2, cores) threads per
     * broker connection. Producers share a reply subscription only with the same value.
     */
    private String replyExecutorService;
    /**
     * Share the requests among every consumer with this group name (MQTT shared subscription $share/{group}/...), so
     * that consumers on several nodes handle each request once. Checked at start with a probe message: Mosquitto and
     * Moquette accept $share on '$' topics but deliver nothing, so use a requestTopicTemplate without a leading '$'
     * there.
     */
    private String sharedSubscriptionGroup;
    /**
     * Threads that run the consumer's route, so that a slow device never stalls the MQTT client.
     */
    private Integer concurrentConsumers = 10;
    /**
     * Requests that may wait for a consumer thread; more are dropped with a warning (the caller times out, as
     * with a busy device).
     */
    private Integer consumerQueueSize = 1000;
    /**
     * When the route fails, reply with a JSON object whose fields error and message hold the exception's type and text,
     * instead of staying silent (the default, like a real device: the caller times out).
     */
    private Boolean replyOnError = false;
    /**
     * Runs the consumer's route: the name of an ExecutorService bean (used as it is) or of a Camel ThreadPoolProfile (a
     * pool is made from it), instead of the pool of concurrentConsumers threads and consumerQueueSize queued requests.
     * Give it a bounded queue and the Abort policy: requests it rejects are dropped (CallerRuns would run the route on
     * the MQTT client's thread).
     */
    private String executorService;
    /**
     * Publish histogram buckets of the rrpc.calls and rrpc.requests timers, so that a monitoring system such as
     * Prometheus can compute percentiles. Used when a Micrometer MeterRegistry is in the registry. Spring Boot's
     * management.metrics.distribution.percentiles-histogram.* does the same.
     */
    private Boolean metricsPercentileHistogram = false;
    /**
     * Tag the rrpc.calls and rrpc.requests timers with the device's name too (by default only its product): one
     * time series per device, so only for few devices.
     */
    private Boolean metricsDeviceTag = false;
    /**
     * Seconds to wait for the broker when connecting and subscribing.
     */
    private Integer connectionTimeout = 10;
    /**
     * MQTT keep-alive interval in seconds.
     */
    private Integer keepAliveInterval = 60;
    /**
     * MQTT clean session.
     */
    private Boolean cleanSession = true;
    /**
     * Reconnect by itself after the connection drops; subscriptions are made again.
     */
    private Boolean automaticReconnect = true;
    /**
     * Longest pause between reconnect attempts, in milliseconds. The pauses start at 1 s and double up to this, each
     * drawn between half and all of its length (jitter), per connection; with a brokerUrl list a pause comes only
     * after every node failed in a row.
     */
    private Integer maxReconnectDelay = 10000;
    /**
     * Options shared by every endpoint of this component; endpoints may override each. A bean reference such as
     * #myRrpcConfiguration; the options above are applied on top of it.
     */
    private RrpcConfiguration configuration;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getProtocolVersion() {
        return protocolVersion;
    }

    public void setProtocolVersion(String protocolVersion) {
        this.protocolVersion = protocolVersion;
    }

    public String getBrokerUrl() {
        return brokerUrl;
    }

    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public RrpcDialect getDialect() {
        return dialect;
    }

    public void setDialect(RrpcDialect dialect) {
        this.dialect = dialect;
    }

    public String getDeviceSecret() {
        return deviceSecret;
    }

    public void setDeviceSecret(String deviceSecret) {
        this.deviceSecret = deviceSecret;
    }

    public SignMethod getSignMethod() {
        return signMethod;
    }

    public void setSignMethod(SignMethod signMethod) {
        this.signMethod = signMethod;
    }

    public String getSdkAppId() {
        return sdkAppId;
    }

    public void setSdkAppId(String sdkAppId) {
        this.sdkAppId = sdkAppId;
    }

    public DeviceCredentials getDeviceCredentials() {
        return deviceCredentials;
    }

    public void setDeviceCredentials(DeviceCredentials deviceCredentials) {
        this.deviceCredentials = deviceCredentials;
    }

    public Integer getQos() {
        return qos;
    }

    public void setQos(Integer qos) {
        this.qos = qos;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getRequestTopicTemplate() {
        return requestTopicTemplate;
    }

    public void setRequestTopicTemplate(String requestTopicTemplate) {
        this.requestTopicTemplate = requestTopicTemplate;
    }

    public String getReplyTopicTemplate() {
        return replyTopicTemplate;
    }

    public void setReplyTopicTemplate(String replyTopicTemplate) {
        this.replyTopicTemplate = replyTopicTemplate;
    }

    public ProcessIdGenerator getProcessIdGenerator() {
        return processIdGenerator;
    }

    public void setProcessIdGenerator(ProcessIdGenerator processIdGenerator) {
        this.processIdGenerator = processIdGenerator;
    }

    public Integer getProcessIdMaxLength() {
        return processIdMaxLength;
    }

    public void setProcessIdMaxLength(Integer processIdMaxLength) {
        this.processIdMaxLength = processIdMaxLength;
    }

    public Integer getMaxConcurrentCallsPerDevice() {
        return maxConcurrentCallsPerDevice;
    }

    public void setMaxConcurrentCallsPerDevice(Integer maxConcurrentCallsPerDevice) {
        this.maxConcurrentCallsPerDevice = maxConcurrentCallsPerDevice;
    }

    public Duration getAfterTimeoutDelay() {
        return afterTimeoutDelay;
    }

    public void setAfterTimeoutDelay(Duration afterTimeoutDelay) {
        this.afterTimeoutDelay = afterTimeoutDelay;
    }

    public DeviceBusyPolicy getDeviceBusyPolicy() {
        return deviceBusyPolicy;
    }

    public void setDeviceBusyPolicy(DeviceBusyPolicy deviceBusyPolicy) {
        this.deviceBusyPolicy = deviceBusyPolicy;
    }

    public Integer getMaxPendingCalls() {
        return maxPendingCalls;
    }

    public void setMaxPendingCalls(Integer maxPendingCalls) {
        this.maxPendingCalls = maxPendingCalls;
    }

    public Integer getMaxPayloadSize() {
        return maxPayloadSize;
    }

    public void setMaxPayloadSize(Integer maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    public ReplySubscriptionMode getReplySubscription() {
        return replySubscription;
    }

    public void setReplySubscription(ReplySubscriptionMode replySubscription) {
        this.replySubscription = replySubscription;
    }

    public Duration getReplySubscriptionLinger() {
        return replySubscriptionLinger;
    }

    public void setReplySubscriptionLinger(Duration replySubscriptionLinger) {
        this.replySubscriptionLinger = replySubscriptionLinger;
    }

    public String getLateReplyUri() {
        return lateReplyUri;
    }

    public void setLateReplyUri(String lateReplyUri) {
        this.lateReplyUri = lateReplyUri;
    }

    public Duration getLateReplyWindow() {
        return lateReplyWindow;
    }

    public void setLateReplyWindow(Duration lateReplyWindow) {
        this.lateReplyWindow = lateReplyWindow;
    }

    public String getReplyExecutorService() {
        return replyExecutorService;
    }

    public void setReplyExecutorService(String replyExecutorService) {
        this.replyExecutorService = replyExecutorService;
    }

    public String getExecutorService() {
        return executorService;
    }

    public void setExecutorService(String executorService) {
        this.executorService = executorService;
    }

    public Boolean getMetricsPercentileHistogram() {
        return metricsPercentileHistogram;
    }

    public void setMetricsPercentileHistogram(Boolean metricsPercentileHistogram) {
        this.metricsPercentileHistogram = metricsPercentileHistogram;
    }

    public Boolean getMetricsDeviceTag() {
        return metricsDeviceTag;
    }

    public void setMetricsDeviceTag(Boolean metricsDeviceTag) {
        this.metricsDeviceTag = metricsDeviceTag;
    }

    public String getSharedSubscriptionGroup() {
        return sharedSubscriptionGroup;
    }

    public void setSharedSubscriptionGroup(String sharedSubscriptionGroup) {
        this.sharedSubscriptionGroup = sharedSubscriptionGroup;
    }

    public Integer getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(Integer concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public Integer getConsumerQueueSize() {
        return consumerQueueSize;
    }

    public void setConsumerQueueSize(Integer consumerQueueSize) {
        this.consumerQueueSize = consumerQueueSize;
    }

    public Boolean getReplyOnError() {
        return replyOnError;
    }

    public void setReplyOnError(Boolean replyOnError) {
        this.replyOnError = replyOnError;
    }

    public Integer getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Integer connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public Integer getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(Integer keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public Boolean getCleanSession() {
        return cleanSession;
    }

    public void setCleanSession(Boolean cleanSession) {
        this.cleanSession = cleanSession;
    }

    public Boolean getAutomaticReconnect() {
        return automaticReconnect;
    }

    public void setAutomaticReconnect(Boolean automaticReconnect) {
        this.automaticReconnect = automaticReconnect;
    }

    public Integer getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(Integer maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public RrpcConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RrpcConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }
}
