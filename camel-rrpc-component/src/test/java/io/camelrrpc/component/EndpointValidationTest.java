package io.camelrrpc.component;

import io.camelrrpc.component.correlation.ProcessIdGenerator;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad URIs and options fail when the endpoint is created, saying what to fix; no broker is needed. */
class EndpointValidationTest extends CamelTestSupport {

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
        assertThat(defaults.getMaxInflight()).isGreaterThan(10);
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
        assertRefused("rrpc:P/D?maxInflight=0", "maxInflight must be between");
        assertRefused("rrpc:P/D?concurrentConsumers=0", "concurrentConsumers must be between");
        assertRefused("rrpc:P/D?brokerUrl=http://broker", "brokerUrl must be tcp://host:port or ssl://host:port");
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
