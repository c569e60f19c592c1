package io.camelrrpc.component;

import io.camelrrpc.component.internal.correlation.CallLimits;
import io.camelrrpc.component.spi.ProcessIdGenerator;
import io.camelrrpc.component.credentials.AlibabaDeviceCredentials;
import io.camelrrpc.component.credentials.DeviceCredentials;
import io.camelrrpc.component.credentials.SignMethod;
import io.camelrrpc.component.credentials.TencentDeviceCredentials;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import io.camelrrpc.component.internal.mqtt.hivemq.BrokerAddresses;
import io.camelrrpc.component.internal.topic.TopicNames;
import io.camelrrpc.component.internal.topic.TopicTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/** Options of the rrpc component and its endpoints; the component's values are every endpoint's defaults. */
@Configurer
@UriParams
public class RrpcConfiguration implements Cloneable {

    @UriParam(defaultValue = "tcp://localhost:1883",
              description = "The MQTT broker: tcp://host:port, or ssl://host:port with sslContextParameters, or"
                            + " ws://host:port/path and wss://host:port/path (WebSocket); or a comma-separated list of"
                            + " the nodes of a broker cluster, all with the same scheme: the connection starts on the"
                            + " first that answers and, when it loses its node, tries the next ones at once (round"
                            + " robin).")
    private String brokerUrl = "tcp://localhost:1883";
    @UriParam(defaultValue = "3.1.1", enums = "3.1.1,5",
              description = "The MQTT version: 3.1.1, or 5 for request/response properties and offline fast-fail.")
    private String protocolVersion = "3.1.1";
    @UriParam(description = "MQTT client id. Endpoints with the same broker settings share one connection and so one"
                            + " client id; endpoints with the same client id and other connection settings fail to"
                            + " start. By default a random id is generated.")
    private String clientId;
    @UriParam(label = "security", secret = true, description = "User name for the broker.")
    private String userName;
    @UriParam(label = "security", secret = true, description = "Password for the broker.")
    private String password;
    @UriParam(label = "security", description = "TLS settings (keystores, trust) for ssl:// brokers.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", secret = true,
              description = "The device's secret, for an endpoint that is one device (rrpc:P/D, not a gateway): client"
                            + " id, user name and password are then signed afresh for every connect, as the dialect's"
                            + " device SDKs do. Tencent: the device key (PSK), Base64. Alibaba: the DeviceSecret. Not"
                            + " with userName or password.")
    private String deviceSecret;
    @UriParam(label = "security", defaultValue = "HmacSha256",
              description = "How deviceSecret signs: HmacSha256, HmacSha1 or (Alibaba only) HmacMd5.")
    private SignMethod signMethod = SignMethod.HmacSha256;
    @UriParam(label = "security", defaultValue = TencentDeviceCredentials.JAVA_SDK_APP_ID,
              description = "Tencent: the SDK app id in the signed user name. 12010126 as Tencent's Java device SDK;"
                            + " its C SDK uses 21010406.")
    private String sdkAppId = TencentDeviceCredentials.JAVA_SDK_APP_ID;
    @UriParam(label = "security,advanced",
              description = "Signs the login for each connect instead of deviceSecret, e.g. for another cloud's"
                            + " scheme. Endpoints share a connection only with equal credentials.")
    private DeviceCredentials deviceCredentials;
    @UriParam(defaultValue = "0", enums = "0,1",
              description = "QoS of requests, replies and subscriptions. 0, like the Tencent device SDKs, or 1.")
    private int qos;
    @UriParam(label = "producer", defaultValue = "4000", javaType = "java.time.Duration",
              description = "How long a call waits for the device's reply before it fails with RrpcTimeoutException"
                            + " (4 s as in Tencent IoT Hub). The CamelRrpcRequestTimeout header overrides it per call.")
    private long requestTimeout = 4000;
    @UriParam(defaultValue = "Tencent",
              description = "Which cloud's RRPC to speak. Tencent: $rrpc/rxd/{productId}/{deviceName}/{processId} (replies:"
                            + " txd). Alibaba: /sys/{productId}/{deviceName}/rrpc/request/{processId} (replies: response;"
                            + " productId is"
                            + " the ProductKey; qos must be 0). Custom: requestTopicTemplate and replyTopicTemplate."
                            + " It also chooses how deviceSecret signs the login.")
    private RrpcDialect dialect = RrpcDialect.Tencent;
    @UriParam(description = "Topic of requests, with the placeholders {productId}, {deviceName} and {processId}, each"
                            + " a whole topic level. By default the dialect's; one that differs makes the topics Custom.")
    private String requestTopicTemplate;
    @UriParam(description = "Topic of replies, with the same placeholders. By default the dialect's; one that differs"
                            + " makes the topics Custom.")
    private String replyTopicTemplate;
    @UriParam(label = "producer", defaultValue = "Wildcard",
              description = "How replies reach this node. Wildcard: one subscription to all replies (best on one node;"
                            + " with N nodes each receives all N nodes' replies). PerDevice: a subscription per device"
                            + " called, made before the first call (one extra round trip) and kept while used plus"
                            + " replySubscriptionLinger; each node receives only its devices' replies, so it scales"
                            + " out.")
    private ReplySubscriptionMode replySubscription = ReplySubscriptionMode.Wildcard;
    @UriParam(label = "producer", defaultValue = "60000", javaType = "java.time.Duration",
              description = "In PerDevice mode, how long a device's reply subscription is kept after its last call.")
    private long replySubscriptionLinger = 60_000;
    @UriParam(label = "producer",
              description = "Where replies that come after their call timed out go, e.g. direct:late or seda:late: each"
                            + " becomes a new exchange with the reply as body and the headers CamelRrpcProductId,"
                            + " CamelRrpcDeviceName, CamelRrpcProcessId, CamelRrpcRequestTimeout (the call's timeout, ms)"
                            + " and CamelRrpcLateBy (ms after the timeout). Without it late replies are counted and"
                            + " dropped.")
    private String lateReplyUri;
    @UriParam(label = "producer", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long after its call's timeout a reply still counts as late (and goes to lateReplyUri);"
                            + " later ones count as unmatched. At most 10,000 timed-out calls are remembered per"
                            + " connection.")
    private long lateReplyWindow = 60_000;
    @UriParam(label = "producer,advanced",
              description = "Where calls complete, so where the route after the producer goes on: the name of an"
                            + " ExecutorService bean (used as it is) or of a Camel ThreadPoolProfile (a pool is made from"
                            + " it). By default a pool of max(2, cores) threads per broker connection. Producers share a"
                            + " reply subscription only with the same value.")
    private String replyExecutorService;
    @UriParam(label = "producer,advanced",
              description = "Makes processIds. The default makes 16-character ids, fixed width, unique per call and"
                            + " across nodes sharing a broker.")
    private ProcessIdGenerator processIdGenerator;
    @UriParam(label = "producer,advanced", defaultValue = "16",
              description = "Longest processId, in UTF-8 bytes, that devices accept (Tencent's C SDK: 16).")
    private int processIdMaxLength = 16;
    @UriParam(label = "producer", defaultValue = "1",
              description = "Most calls in flight to one device; 0 for no limit. Default 1, because Tencent's C device SDK"
                            + " keeps a single processId: an application that answers after its message callback"
                            + " answers overlapping calls with the latest id, so a reply could reach the wrong call."
                            + " Raise it for devices that answer each request with its own id.")
    private int maxConcurrentCallsPerDevice = 1;
    @UriParam(label = "producer", defaultValue = "4000", javaType = "java.time.Duration",
              description = "With maxConcurrentCallsPerDevice=1: after a call times out, how long the device's next call"
                            + " waits, unless the late answer comes first (it is then dropped and counted). Tencent's C"
                            + " SDK keeps only the latest processId, so a device that answers late answers under the id"
                            + " of the last request it received: a call sent meanwhile would get the old answer. The"
                            + " default gives a device as long again as Tencent's 4 s timeout. 0 sends the next call at"
                            + " once.")
    private long afterTimeoutDelay = 4000;
    @UriParam(label = "producer", defaultValue = "Wait",
              description = "When a device is busy: Wait (the call's timeout keeps running) or Reject (fail at once with"
                            + " RrpcRejectedException).")
    private DeviceBusyPolicy deviceBusyPolicy = DeviceBusyPolicy.Wait;
    @UriParam(label = "producer", defaultValue = "100000",
              description = "Most calls pending (waiting for a reply or for their turn) on one broker connection; more"
                            + " are rejected with RrpcRejectedException, so memory stays bounded.")
    private int maxPendingCalls = 100_000;
    @UriParam(defaultValue = "1048576",
              description = "Largest request or reply payload in bytes. A larger request fails the call before it is"
                            + " sent; a larger reply is dropped, counted and fails its call; a consumer drops larger"
                            + " requests and does not send larger replies. Tencent's C SDK buffer holds 2048 bytes by"
                            + " default. With protocolVersion=5 it is a connection option too: the connection asks the"
                            + " broker for no packet over this plus 64 KiB (Maximum Packet Size), so the broker drops"
                            + " larger messages for it (a call whose reply it drops times out), and endpoints share a"
                            + " connection only with equal values.")
    private int maxPayloadSize = 1024 * 1024;
    @UriParam(label = "consumer", defaultValue = "10",
              description = "Threads that run the consumer's route, so that a slow device never stalls the MQTT client.")
    private int concurrentConsumers = 10;
    @UriParam(label = "consumer", defaultValue = "1000",
              description = "Requests that may wait for a consumer thread; more are dropped with a warning (the caller"
                            + " times out, as with a busy device).")
    private int consumerQueueSize = 1000;
    @UriParam(label = "consumer,advanced",
              description = "Runs the consumer's route: the name of an ExecutorService bean (used as it is) or of a Camel"
                            + " ThreadPoolProfile (a pool is made from it), instead of the pool of concurrentConsumers"
                            + " threads and consumerQueueSize queued requests. Give it a bounded queue and the Abort"
                            + " policy: requests it rejects are dropped (CallerRuns would run the route on the MQTT"
                            + " client's thread).")
    private String executorService;
    @UriParam(label = "consumer",
              description = "Share the requests among every consumer with this group name (MQTT shared subscription"
                            + " $share/{group}/...), so that consumers on several nodes handle each request once. Checked"
                            + " at start with a probe message: Mosquitto and Moquette accept $share on '$' topics but"
                            + " deliver nothing, so use a requestTopicTemplate without a leading '$' there.")
    private String sharedSubscriptionGroup;
    @UriParam(label = "consumer",
              description = "When the route fails, reply with a JSON object whose fields error and message hold the"
                            + " exception's type and text, instead of staying silent (the default, like a real device:"
                            + " the caller times out).")
    private boolean replyOnError;
    @UriParam(defaultValue = "10", description = "Seconds to wait for the broker when connecting and subscribing.")
    private int connectionTimeout = 10;
    @UriParam(defaultValue = "60", description = "MQTT keep-alive interval in seconds.")
    private int keepAliveInterval = 60;
    @UriParam(defaultValue = "true", description = "MQTT clean session.")
    private boolean cleanSession = true;
    @UriParam(defaultValue = "true",
              description = "Reconnect by itself after the connection drops; subscriptions are made again.")
    private boolean automaticReconnect = true;
    @UriParam(defaultValue = "10000",
              description = "Longest pause between reconnect attempts, in milliseconds. The pauses start at 1 s"
                            + " and double up to this, each drawn between half and all of its length"
                            + " (jitter), per connection; with a brokerUrl list a pause comes only after every node"
                            + " failed in a row.")
    private int maxReconnectDelay = 10000;

    /** A copy, so endpoints can change their options without touching the component's. */
    public RrpcConfiguration copy() {
        try {
            return (RrpcConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Checks every option.
     *
     * @throws IllegalArgumentException naming the option and what to fix
     */
    public void validate() {
        validateBrokerUrl();
        requireRange("qos", qos, 0, 1);
        requireRange("requestTimeout", requestTimeout, 1, Integer.MAX_VALUE);
        requireRange("processIdMaxLength", processIdMaxLength, 1, 65535);
        requireRange("maxConcurrentCallsPerDevice", maxConcurrentCallsPerDevice, 0, 65535);
        requireRange("maxPendingCalls", maxPendingCalls, 1, Integer.MAX_VALUE);
        requireRange("replySubscriptionLinger", replySubscriptionLinger, 1, Long.MAX_VALUE);
        requireRange("afterTimeoutDelay", afterTimeoutDelay, 0, Integer.MAX_VALUE);
        requireRange("lateReplyWindow", lateReplyWindow, 1, Long.MAX_VALUE);
        requireRange("maxPayloadSize", maxPayloadSize, 0, 268_435_455);
        requireRange("concurrentConsumers", concurrentConsumers, 1, 10000);
        requireRange("consumerQueueSize", consumerQueueSize, 0, Integer.MAX_VALUE);
        requireRange("connectionTimeout", connectionTimeout, 1, 3600);
        requireRange("keepAliveInterval", keepAliveInterval, 0, 65535);
        requireRange("maxReconnectDelay", maxReconnectDelay, 1, Integer.MAX_VALUE);
        if (sharedSubscriptionGroup != null) {
            TopicNames.requireLevel("sharedSubscriptionGroup", sharedSubscriptionGroup);
        }
        validateTopics();
        validateLoginOptions();
        if (password != null && userName == null && mqttProtocolVersion() == MqttProtocolVersion.V3_1_1) {
            throw new IllegalArgumentException("MQTT 3.1.1 sends a password only with a userName: set userName too");
        }
    }

    private void validateBrokerUrl() {
        mqttProtocolVersion();
        BrokerAddresses.parse(brokerUrl);
    }

    /** protocolVersion as a value. */
    MqttProtocolVersion mqttProtocolVersion() {
        for (MqttProtocolVersion version : MqttProtocolVersion.values()) {
            if (version.toString().equals(protocolVersion)) {
                return version;
            }
        }
        throw new IllegalArgumentException("protocolVersion must be 3.1.1 or 5, got '" + protocolVersion + "'");
    }

    private void validateTopics() {
        if (dialect == null) {
            throw new IllegalArgumentException("dialect must be Tencent, Alibaba or Custom");
        }
        if (dialect == RrpcDialect.Custom && (requestTopicTemplate == null || replyTopicTemplate == null)) {
            throw new IllegalArgumentException("dialect Custom needs requestTopicTemplate and replyTopicTemplate");
        }
        if (topicDialect() == RrpcDialect.Alibaba && qos != 0) {
            throw new IllegalArgumentException(
                    "dialect Alibaba needs qos=0: Alibaba IoT Platform accepts RRPC replies at QoS 0 only, got qos=" + qos);
        }
        if (requestTemplate().overlaps(replyTemplate())) {
            throw new IllegalArgumentException(
                    "requestTopicTemplate " + getRequestTopicTemplate() + " and replyTopicTemplate " + getReplyTopicTemplate()
                                               + " can name the same topic: a caller would take its own request for"
                                               + " the reply. Alibaba's custom-topic RRPC (/ext/rrpc/...) is therefore"
                                               + " not supported; use its system RRPC topics (dialect=Alibaba)");
        }
    }

    private void validateLoginOptions() {
        if (deviceSecret == null && deviceCredentials == null) {
            return;
        }
        if (deviceSecret != null && deviceCredentials != null) {
            throw new IllegalArgumentException("deviceSecret and deviceCredentials both sign the login: set only one");
        }
        String signs = (deviceSecret != null ? "deviceSecret" : "deviceCredentials") + " signs the device's login";
        if (userName != null || password != null) {
            throw new IllegalArgumentException(signs + " (user name and password): remove userName and password");
        }
        if (deviceCredentials != null && clientId != null) {
            throw new IllegalArgumentException(signs + ", client id included: remove clientId");
        }
        if (deviceSecret != null && dialect == RrpcDialect.Custom) {
            throw new IllegalArgumentException(signs + " as the dialect does: set dialect Tencent or Alibaba");
        }
        if (deviceSecret != null && dialect == RrpcDialect.Tencent && clientId != null) {
            throw new IllegalArgumentException(
                    signs + "; Tencent's client id is always {productId}{deviceName}: remove clientId");
        }
    }

    /**
     * Checks the login options against the endpoint's device and signs nothing yet.
     *
     * @throws IllegalArgumentException when deviceSecret is set on an endpoint that is not exactly one device, or
     *                                  the secret does not fit the dialect
     */
    void validateDeviceLogin(String productId, String deviceName) {
        if (deviceSecret != null
            && (TopicNames.WILDCARD.equals(productId) || TopicNames.WILDCARD.equals(deviceName))) {
            throw new IllegalArgumentException(
                    "deviceSecret logs in as one device, but rrpc:" + productId + "/" + deviceName + " serves many (a"
                                               + " gateway), and one connection signs in as one device only: use one"
                                               + " consumer per device (rrpc:" + productId + "/yourDevice?deviceSecret=...)"
                                               + " or log the gateway in with userName and password");
        }
        deviceCredentials(productId, deviceName);
    }

    /** The dialect whose topics are used: dialect, or Custom when a template set differs from the dialect's. */
    public RrpcDialect topicDialect() {
        boolean own = (requestTopicTemplate == null || requestTopicTemplate.equals(dialect.requestTopicTemplate()))
                      && (replyTopicTemplate == null || replyTopicTemplate.equals(dialect.replyTopicTemplate()));
        return own ? dialect : RrpcDialect.Custom;
    }

    private static void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    TopicTemplate requestTemplate() {
        return TopicTemplate.parse("requestTopicTemplate", getRequestTopicTemplate());
    }

    TopicTemplate replyTemplate() {
        return TopicTemplate.parse("replyTopicTemplate", getReplyTopicTemplate());
    }

    CallLimits callLimits() {
        return new CallLimits(maxPendingCalls, maxConcurrentCallsPerDevice, deviceBusyPolicy == DeviceBusyPolicy.Wait,
                maxPayloadSize, afterTimeoutDelay);
    }

    /** The broker settings of an endpoint for this device (or these devices, with wildcards). */
    ConnectionSettings connectionSettings(String productId, String deviceName) {
        DeviceCredentials credentials = deviceCredentials(productId, deviceName);
        return new ConnectionSettings(
                brokerUrl, credentials == null ? clientId : null, userName, password, cleanSession, keepAliveInterval,
                connectionTimeout, automaticReconnect, maxReconnectDelay, sslContextParameters, credentials,
                mqttProtocolVersion(),
                mqttProtocolVersion() == MqttProtocolVersion.V5 ? maxPayloadSize : ConnectionSettings.ANY_PAYLOAD);
    }

    /** The device's signing credentials, or {@code null} when the login is userName/password or none. */
    private DeviceCredentials deviceCredentials(String productId, String deviceName) {
        if (deviceCredentials != null || deviceSecret == null) {
            return deviceCredentials;
        }
        return switch (dialect) {
            case Tencent -> new TencentDeviceCredentials(productId, deviceName, deviceSecret, signMethod, sdkAppId);
            case Alibaba -> new AlibabaDeviceCredentials(productId, deviceName, clientId, deviceSecret, signMethod,
                    brokerUrl.startsWith("ssl://"));
            case Custom -> throw new IllegalArgumentException("deviceSecret needs dialect Tencent or Alibaba");
        };
    }

    public String getBrokerUrl() {
        return brokerUrl;
    }

    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public String getProtocolVersion() {
        return protocolVersion;
    }

    public void setProtocolVersion(String protocolVersion) {
        this.protocolVersion = protocolVersion;
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

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public int getQos() {
        return qos;
    }

    public void setQos(int qos) {
        this.qos = qos;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** The request topic template: the one set, else the dialect's. */
    public String getRequestTopicTemplate() {
        return requestTopicTemplate != null ? requestTopicTemplate : dialect.requestTopicTemplate();
    }

    public void setRequestTopicTemplate(String requestTopicTemplate) {
        this.requestTopicTemplate = requestTopicTemplate;
    }

    /** The reply topic template: the one set, else the dialect's. */
    public String getReplyTopicTemplate() {
        return replyTopicTemplate != null ? replyTopicTemplate : dialect.replyTopicTemplate();
    }

    public void setReplyTopicTemplate(String replyTopicTemplate) {
        this.replyTopicTemplate = replyTopicTemplate;
    }

    public ReplySubscriptionMode getReplySubscription() {
        return replySubscription;
    }

    public void setReplySubscription(ReplySubscriptionMode replySubscription) {
        this.replySubscription = replySubscription;
    }

    public long getReplySubscriptionLinger() {
        return replySubscriptionLinger;
    }

    public void setReplySubscriptionLinger(long replySubscriptionLinger) {
        this.replySubscriptionLinger = replySubscriptionLinger;
    }

    public String getLateReplyUri() {
        return lateReplyUri;
    }

    public void setLateReplyUri(String lateReplyUri) {
        this.lateReplyUri = lateReplyUri;
    }

    public long getLateReplyWindow() {
        return lateReplyWindow;
    }

    public void setLateReplyWindow(long lateReplyWindow) {
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

    public ProcessIdGenerator getProcessIdGenerator() {
        return processIdGenerator;
    }

    public void setProcessIdGenerator(ProcessIdGenerator processIdGenerator) {
        this.processIdGenerator = processIdGenerator;
    }

    public int getProcessIdMaxLength() {
        return processIdMaxLength;
    }

    public void setProcessIdMaxLength(int processIdMaxLength) {
        this.processIdMaxLength = processIdMaxLength;
    }

    public int getMaxConcurrentCallsPerDevice() {
        return maxConcurrentCallsPerDevice;
    }

    public void setMaxConcurrentCallsPerDevice(int maxConcurrentCallsPerDevice) {
        this.maxConcurrentCallsPerDevice = maxConcurrentCallsPerDevice;
    }

    public long getAfterTimeoutDelay() {
        return afterTimeoutDelay;
    }

    public void setAfterTimeoutDelay(long afterTimeoutDelay) {
        this.afterTimeoutDelay = afterTimeoutDelay;
    }

    public DeviceBusyPolicy getDeviceBusyPolicy() {
        return deviceBusyPolicy;
    }

    public void setDeviceBusyPolicy(DeviceBusyPolicy deviceBusyPolicy) {
        this.deviceBusyPolicy = deviceBusyPolicy;
    }

    public int getMaxPendingCalls() {
        return maxPendingCalls;
    }

    public void setMaxPendingCalls(int maxPendingCalls) {
        this.maxPendingCalls = maxPendingCalls;
    }

    public int getMaxPayloadSize() {
        return maxPayloadSize;
    }

    public void setMaxPayloadSize(int maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getConsumerQueueSize() {
        return consumerQueueSize;
    }

    public void setConsumerQueueSize(int consumerQueueSize) {
        this.consumerQueueSize = consumerQueueSize;
    }

    public String getSharedSubscriptionGroup() {
        return sharedSubscriptionGroup;
    }

    public void setSharedSubscriptionGroup(String sharedSubscriptionGroup) {
        this.sharedSubscriptionGroup = sharedSubscriptionGroup;
    }

    public boolean isReplyOnError() {
        return replyOnError;
    }

    public void setReplyOnError(boolean replyOnError) {
        this.replyOnError = replyOnError;
    }

    public int getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(int connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public int getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(int keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public boolean isCleanSession() {
        return cleanSession;
    }

    public void setCleanSession(boolean cleanSession) {
        this.cleanSession = cleanSession;
    }

    public boolean isAutomaticReconnect() {
        return automaticReconnect;
    }

    public void setAutomaticReconnect(boolean automaticReconnect) {
        this.automaticReconnect = automaticReconnect;
    }

    public int getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(int maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }
}
