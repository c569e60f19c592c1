package io.camelrrpc.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.component.internal.mqtt.MqttTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages larger than every endpoint of a connection accepts are skipped on the wire, unread: the call they answer
 * fails at once, a consumer counts the request as dropped, and the connection goes on reading. At QoS 1 the client
 * still acknowledges them (else the broker would send them again, and hold its in-flight window).
 */
class OversizedMessagesIT extends FakeDeviceTestSupport {

    private static final int LIMIT = 1024;
    private static final byte[] HUGE = new byte[1536 * 1024];

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.getComponent("rrpc", RrpcComponent.class).getConfiguration().setMaxPayloadSize(LIMIT);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call0").to("rrpc:P/D?requestTimeout=5000");
                from("direct:call1").to("rrpc:P/D?requestTimeout=5000&qos=1");
                from("rrpc:Q/+").setBody(simple("${header.CamelRrpcDeviceName}:${body}"));
                from("rrpc:Q1/+?qos=1").setBody(simple("${header.CamelRrpcDeviceName}:${body}"));
            }
        };
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1 })
    void oversizedReplyFailsItsCallAtOnceAndTheConnectionGoesOn(int qos) throws Exception {
        CompletableFuture<Exchange> call = template.asyncSend("direct:call" + qos, e -> e.getIn().setBody("big?"));
        FakeDevice.Request request = device.nextRequest();
        device.publish(FakeDevice.REPLIES.topic("P", "D", request.address().processId()), HUGE, qos);

        assertThat(call.get(3, TimeUnit.SECONDS).getException()).isInstanceOf(RrpcPayloadTooLargeException.class)
                .hasMessageContaining("reply of " + HUGE.length + " bytes exceeds maxPayloadSize " + LIMIT);
        MqttTransport connection = rrpc().transports().get(0);
        assertThat(connection.oversizedMessages()).isOne();
        assertThat(template.requestBody("rrpc:Q/lamp", "still reading", String.class)).isEqualTo("lamp:still reading");
        assertThat(connection.isHealthy()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1 })
    void oversizedRequestIsDroppedByTheConsumer(int qos) throws Exception {
        String product = qos == 0 ? "Q" : "Q1";
        device.publish(FakeDevice.REQUESTS.topic(product, "lamp", "0000000000000001"), HUGE, qos);

        RrpcConsumer consumer = (RrpcConsumer) context.getRoutes().stream()
                .filter(r -> r.getEndpoint().getEndpointUri().startsWith("rrpc://" + product + "/")).findFirst()
                .orElseThrow().getConsumer();
        await().atMost(5, TimeUnit.SECONDS).until(() -> consumer.getDroppedRequests() == 1);
        assertThat(rrpc().transports().get(0).oversizedMessages()).isOne();
        assertThat(template.requestBody("rrpc:" + product + "/lamp", "next", String.class)).isEqualTo("lamp:next");
    }
}
