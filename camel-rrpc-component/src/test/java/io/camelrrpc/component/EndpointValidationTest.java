package io.camelrrpc.component;

import io.camelrrpc.component.spi.ProcessIdGenerator;
import io.camelrrpc.component.credentials.AlibabaDeviceCredentials;
import io.camelrrpc.component.credentials.DeviceCredentials;
import io.camelrrpc.component.credentials.MqttLogin;
import io.camelrrpc.component.credentials.SignMethod;
import io.camelrrpc.component.credentials.TencentDeviceCredentials;
import io.camelrrpc.component.internal.mqtt.ConnectionSettings;
import io.camelrrpc.component.internal.mqtt.MqttProtocolVersion;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad URIs and options fail when the endpoint is created, saying what to fix; no broker is needed. */
class EndpointValidationTest extends CamelTestSupport {

    private static final String TENCENT_SECRET = "c2VjcmV0S2V5T2ZEZXZpY2U=";

    @Test
    void readsPathAndOptions() {
        RrpcEndpoint endpoint = context.getEndpoint(
                "rrpc:KL4J2ABCD8/airConditioner1?qos=1&requestTimeout=2s&brokerUrl=ssl://broker:8883", RrpcEndpoint.class);
        assertThat(endpoint.getProductId()).isEqualTo("KL4J2ABCD8");
        assertThat(endpoint.getDeviceName()).isEqualTo("airConditioner1");
        assertThat(endpoint.getConfiguration().getQos()).isEqualTo(1);
        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(2000);
        assertThat(endpoint.getConfiguration().getBrokerUrl()).isEqualTo("ssl://broker:8883");
    }

    @Test
    void componentOptionsAreEndpointDefaults() {
        RrpcComponent component = context.getComponent("rrpc", RrpcComponent.class);
        component.getConfiguration().setRequestTimeout(1234);
        RrpcEndpoint endpoint = context.getEndpoint("rrpc:P/D", RrpcEndpoint.class);
        RrpcEndpoint overriding = context.getEndpoint("rrpc:P/D?requestTimeout=99", RrpcEndpoint.class);
        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(1234);
        assertThat(overriding.getConfiguration().getRequestTimeout()).isEqualTo(99);
        assertThat(component.getConfiguration().getRequestTimeout()).isEqualTo(1234);
    }

    @Test
    void defaultsFollowTencent() {
        RrpcConfiguration defaults = new RrpcConfiguration();
        assertThat(defaults.getRequestTimeout()).isEqualTo(4000);
        assertThat(defaults.getQos()).isZero();
        assertThat(defaults.getRequestTopicTemplate()).isEqualTo("$rrpc/rxd/{productId}/{deviceName}/{processId}");
        assertThat(defaults.getReplyTopicTemplate()).isEqualTo("$rrpc/txd/{productId}/{deviceName}/{processId}");
        assertThat(defaults.getProcessIdMaxLength()).isEqualTo(16);
    }

    @Test
    void protocolVersionIsAConnectionSetting() {
        ConnectionSettings mqtt311 = context.getEndpoint("rrpc:P/D", RrpcEndpoint.class).connectionSettings();
        ConnectionSettings mqtt5 = context.getEndpoint("rrpc:P/D?protocolVersion=5", RrpcEndpoint.class)
                .connectionSettings();
        assertThat(mqtt311.protocolVersion()).as("the clouds' protocol by default").isEqualTo(MqttProtocolVersion.V3_1_1);
        assertThat(mqtt5.protocolVersion()).isEqualTo(MqttProtocolVersion.V5);
        assertThat(mqtt5).as("endpoints speaking other versions share no connection").isNotEqualTo(mqtt311);
    }

    @Test
    void refusesUnknownProtocolVersionsAndTakesEveryScheme() {
        assertRefused("rrpc:P/D?protocolVersion=4", "protocolVersion must be 3.1.1 or 5, got '4'");
        assertThat(context.getEndpoint("rrpc:P/D?brokerUrl=ws://localhost:8080/mqtt")).isNotNull();
        assertThat(context.getEndpoint("rrpc:P/D?brokerUrl=wss://localhost:8443/mqtt")).isNotNull();
        assertThat(context.getEndpoint("rrpc:P/D?brokerUrl=ssl://localhost:8883&protocolVersion=5")).isNotNull();
    }

    @Test
    void takesAListOfClusterNodesInTheUriAndRefusesABadOneSayingWhatToFix() {
        RrpcEndpoint endpoint = context.getEndpoint("rrpc:P/D?brokerUrl=ssl://mq1:8883,ssl://mq2:8883", RrpcEndpoint.class);
        assertThat(endpoint.getConfiguration().getBrokerUrl()).isEqualTo("ssl://mq1:8883,ssl://mq2:8883");
        assertRefused("rrpc:P/D?brokerUrl=tcp://mq1:1883,ssl://mq2:8883", "every node of the list needs the same scheme");
        assertRefused("rrpc:P/D?brokerUrl=tcp://mq1:1883,,tcp://mq2:1883", "empty address at position 2");
    }

    @Test
    void refusesBadPaths() {
        assertRefused("rrpc:onlyProduct", "rrpc:productId/deviceName");
        assertRefused("rrpc:P/D/extra", "rrpc:productId/deviceName");
        assertRefused("rrpc:/D", "productId must not be empty");
        assertRefused("rrpc:P/a%23b", "cannot contain");
        assertRefused("rrpc:P/a+b", "cannot contain");
    }

    @Test
    void refusesBadOptions() {
        assertRefused("rrpc:P/D?qos=2", "qos must be between 0 and 1");
        assertRefused("rrpc:P/D?requestTimeout=0", "requestTimeout must be between");
        assertRefused("rrpc:P/D?concurrentConsumers=0", "concurrentConsumers must be between");
        assertRefused("rrpc:P/D?password=s3cret", "MQTT 3.1.1 sends a password only with a userName: set userName");
        assertRefused("rrpc:P/D?brokerUrl=http://broker", "the scheme must be tcp, ssl, ws or wss");
        assertRefused("rrpc:P/D?requestTopicTemplate=a/{productId}/{processId}", "lacks {deviceName}");
        assertRefused("rrpc:P/D?replyTopicTemplate=a/{productId}/{deviceName}/x{processId}", "whole level");
        assertRefused("rrpc:P/D?noSuchOption=1", "noSuchOption");
    }

    @Test
    void producerRefusesWildcards() throws Exception {
        RrpcEndpoint gateway = context.getEndpoint("rrpc:P/+", RrpcEndpoint.class);
        assertThatThrownBy(gateway::createProducer).hasMessageContaining("deviceName of a producer");
        RrpcEndpoint anyProduct = context.getEndpoint("rrpc:+/D", RrpcEndpoint.class);
        assertThatThrownBy(anyProduct::createProducer).hasMessageContaining("productId of a producer");
    }

    @Test
    void processIdGeneratorIsPluggable() {
        ProcessIdGenerator fixed = () -> "id";
        context.getRegistry().bind("fixedIds", fixed);
        RrpcEndpoint endpoint = context.getEndpoint("rrpc:P/D?processIdGenerator=#fixedIds", RrpcEndpoint.class);
        assertThat(endpoint.getConfiguration().getProcessIdGenerator()).isSameAs(fixed);
    }

    @Test
    void passwordNeverShowsInTheEndpointUri() {
        RrpcEndpoint endpoint = context.getEndpoint("rrpc:P/D?userName=alice&password=s3cret", RrpcEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain("s3cret");
        assertThat(endpoint.getConfiguration().getPassword()).isEqualTo("s3cret");
    }

    @Test
    void dialectChoosesTheTopicsAndExplicitTemplatesWin() {
        RrpcConfiguration alibaba = endpoint("rrpc:P/D?dialect=Alibaba").getConfiguration();
        assertThat(alibaba.getRequestTopicTemplate()).isEqualTo("/sys/{productId}/{deviceName}/rrpc/request/{processId}");
        assertThat(alibaba.getReplyTopicTemplate()).isEqualTo("/sys/{productId}/{deviceName}/rrpc/response/{processId}");
        assertThat(alibaba.topicDialect()).isEqualTo(RrpcDialect.Alibaba);
        assertThat(endpoint("rrpc:P/D").getConfiguration().topicDialect()).isEqualTo(RrpcDialect.Tencent);

        RrpcConfiguration own = endpoint("rrpc:P/D?dialect=Alibaba&replyTopicTemplate=up/{productId}/{deviceName}/{processId}")
                .getConfiguration();
        assertThat(own.getReplyTopicTemplate()).isEqualTo("up/{productId}/{deviceName}/{processId}");
        assertThat(own.getRequestTopicTemplate()).as("the other stays the dialect's").startsWith("/sys/");
        assertThat(own.topicDialect()).as("a template that differs").isEqualTo(RrpcDialect.Custom);
        assertThat(endpoint("rrpc:P/D?dialect=Alibaba&replyTopicTemplate=/sys/{productId}/{deviceName}/rrpc/response/"
                            + "{processId}").getConfiguration().topicDialect()).as("the dialect's own template")
                .isEqualTo(RrpcDialect.Alibaba);
        assertThat(endpoint("rrpc:P/D?dialect=Custom&requestTopicTemplate=a/{productId}/{deviceName}/{processId}"
                            + "&replyTopicTemplate=b/{productId}/{deviceName}/{processId}").getConfiguration().topicDialect())
                .isEqualTo(RrpcDialect.Custom);
    }

    @Test
    void componentDialectIsTheDefaultAndEndpointTemplatesOverrideIt() {
        context.getComponent("rrpc", RrpcComponent.class).getConfiguration().setDialect(RrpcDialect.Alibaba);
        assertThat(endpoint("rrpc:P/D").getConfiguration().getRequestTopicTemplate()).startsWith("/sys/");
        assertThat(endpoint("rrpc:P/D?dialect=Tencent").getConfiguration().getRequestTopicTemplate()).startsWith("$rrpc/");
    }

    @Test
    void refusesDialectsWithoutWhatTheyNeed() {
        assertRefused("rrpc:P/D?dialect=Custom", "dialect Custom needs requestTopicTemplate and replyTopicTemplate");
        assertRefused("rrpc:P/D?dialect=Alibaba&qos=1", "Alibaba IoT Platform accepts RRPC replies at QoS 0 only");
        assertRefused("rrpc:P/D?dialect=Nimbus", "Nimbus");
        String customTopic = "/ext/rrpc/{processId}/{productId}/{deviceName}/user/get";
        assertRefused("rrpc:P/D?requestTopicTemplate=" + customTopic + "&replyTopicTemplate=" + customTopic,
                "a caller would take its own request for the reply");
    }

    @Test
    void deviceSecretSignsAsTheEndpointsDevice() {
        RrpcEndpoint endpoint = endpoint("rrpc:P/D?deviceSecret=" + TENCENT_SECRET);
        ConnectionSettings settings = endpoint.connectionSettings();

        assertThat(settings.credentials())
                .isEqualTo(new TencentDeviceCredentials("P", "D", TENCENT_SECRET, SignMethod.HmacSha256, "12010126"));
        assertThat(settings.clientId()).as("the credentials make it").isNull();
        assertThat(endpoint("rrpc:P/D?deviceSecret=" + TENCENT_SECRET + "&signMethod=HmacSha1&sdkAppId=21010406")
                .connectionSettings().credentials())
                .isEqualTo(new TencentDeviceCredentials("P", "D", TENCENT_SECRET, SignMethod.HmacSha1, "21010406"));
        assertThat(endpoint("rrpc:pk/dn?dialect=Alibaba&deviceSecret=k3y&brokerUrl=ssl://broker:8883&clientId=sn42")
                .connectionSettings().credentials())
                .isEqualTo(new AlibabaDeviceCredentials("pk", "dn", "sn42", "k3y", SignMethod.HmacSha256, true));
    }

    @Test
    void endpointsOfOneDeviceShareAConnectionAndOtherDevicesDoNot() {
        ConnectionSettings consumer = endpoint("rrpc:P/D?deviceSecret=" + TENCENT_SECRET).connectionSettings();
        ConnectionSettings again = endpoint("rrpc:P/D?deviceSecret=" + TENCENT_SECRET + "&requestTimeout=1s")
                .connectionSettings();
        assertThat(consumer).isEqualTo(again).hasSameHashCodeAs(again);
        assertThat(consumer).isNotEqualTo(endpoint("rrpc:P/E?deviceSecret=" + TENCENT_SECRET).connectionSettings())
                .isNotEqualTo(endpoint("rrpc:P/D").connectionSettings());
    }

    @Test
    void deviceCredentialsAreAPluggableLogin() {
        DeviceCredentials own = () -> new MqttLogin("c", "u", "p");
        context.getRegistry().bind("ownLogin", own);
        assertThat(endpoint("rrpc:P/+?deviceCredentials=#ownLogin").connectionSettings().credentials()).isSameAs(own);
        assertRefused("rrpc:P/D?deviceCredentials=#ownLogin&deviceSecret=" + TENCENT_SECRET, "set only one");
        assertRefused("rrpc:P/D?deviceCredentials=#ownLogin&clientId=c", "client id included: remove clientId");
        assertRefused("rrpc:P/D?deviceCredentials=#ownLogin&userName=u", "remove userName and password");
    }

    @Test
    void refusesDeviceSecretWhereItCannotSignWithoutShowingIt() {
        assertRefused("rrpc:P/+?deviceSecret=" + TENCENT_SECRET, "serves many (a gateway)");
        assertRefused("rrpc:+/D?deviceSecret=" + TENCENT_SECRET, "one connection signs in as one device only");
        assertRefused("rrpc:P/D?userName=u&deviceSecret=" + TENCENT_SECRET, "remove userName and password");
        assertRefused("rrpc:P/D?password=p&deviceSecret=" + TENCENT_SECRET, "remove userName and password");
        assertRefused("rrpc:P/D?clientId=c&deviceSecret=" + TENCENT_SECRET, "Tencent's client id is always");
        assertRefused("rrpc:P/D?dialect=Custom&requestTopicTemplate=a/{productId}/{deviceName}/{processId}"
                      + "&replyTopicTemplate=b/{productId}/{deviceName}/{processId}&deviceSecret=" + TENCENT_SECRET,
                "set dialect Tencent or Alibaba");
        assertRefused("rrpc:P/D?signMethod=HmacMd5&deviceSecret=" + TENCENT_SECRET, "Tencent signs with HmacSha256 or HmacSha1");
        assertRefused("rrpc:P/D?dialect=Alibaba&clientId=a|b&deviceSecret=k3y", "no '|' or ','");
        assertThatThrownBy(() -> context.getEndpoint("rrpc:P/D?deviceSecret=NotBase64Secret!"))
                .satisfies(e -> assertThat(messages(e)).contains("deviceSecret is not Base64")
                        .doesNotContain("NotBase64Secret"));
    }

    @Test
    void deviceSecretNeverShowsInTheEndpointOrItsSettings() {
        RrpcEndpoint endpoint = endpoint("rrpc:P/D?deviceSecret=" + TENCENT_SECRET);
        assertThat(endpoint.toString()).doesNotContain(TENCENT_SECRET).contains("deviceSecret=xxxxxx");
        assertThat(endpoint.connectionSettings().toString()).doesNotContain(TENCENT_SECRET).contains("P/D");
    }

    private RrpcEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, RrpcEndpoint.class);
    }

    private void assertRefused(String uri, String hint) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(messages(e)).contains(hint));
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
