package io.camelrrpc.component;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Requests and replies cross a real broker byte-exact, with the headers users rely on. */
class RoundTripIT extends RrpcTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:switchOff")
                        .setBody(constant("closed"))
                        .to("rrpc:KL4J2ABCD8/airConditioner1")
                        .log("device answered ${body} to call ${header.CamelRrpcProcessId}");
                from("rrpc:KL4J2ABCD8/+")
                        .to("mock:device")
                        .transform(constant("ok"));

                from("direct:echo").to("rrpc:ECHO/dev0");
                from("direct:echoOther").to("rrpc:ECHO/dev1?requestTimeout=3000");
                from("rrpc:ECHO/+").to("mock:echo");
            }
        };
    }

    @Test
    void switchesTheAirConditionerOff() throws Exception {
        MockEndpoint device = getMockEndpoint("mock:device");
        device.expectedMessageCount(1);
        device.expectedHeaderReceived(RrpcConstants.PRODUCT_ID, "KL4J2ABCD8");
        device.expectedHeaderReceived(RrpcConstants.DEVICE_NAME, "airConditioner1");

        Exchange reply = template.request("direct:switchOff", e -> { });

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ok");
        assertThat(reply.getMessage().getBody()).isInstanceOf(byte[].class);
        String processId = reply.getMessage().getHeader(RrpcConstants.PROCESS_ID, String.class);
        assertThat(processId).hasSize(16);
        assertThat(reply.getMessage().getHeader(RrpcConstants.PRODUCT_ID)).isEqualTo("KL4J2ABCD8");
        assertThat(reply.getMessage().getHeader(RrpcConstants.DEVICE_NAME)).isEqualTo("airConditioner1");
        device.assertIsSatisfied();
        Exchange request = device.getReceivedExchanges().get(0);
        assertThat(request.getIn().getHeader(RrpcConstants.PROCESS_ID)).isEqualTo(processId);
        assertThat(request.getIn().getBody(String.class)).isEqualTo("closed");
        assertThat(correlator().pendingCalls()).isZero();
    }

    @Test
    void everyByteValueRoundTrips() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertThat(echo(all)).isEqualTo(all);
    }

    @Test
    void emptyPayloadRoundTrips() {
        assertThat(echo(new byte[0])).isEmpty();
        assertThat(echo(null)).isEmpty();
    }

    @Test
    void payloadOf256KiloBytesRoundTrips() {
        byte[] large = new byte[256 * 1024];
        new Random(42).nextBytes(large);
        assertThat(echo(large)).isEqualTo(large);
    }

    @Test
    void textIsSentAsUtf8() {
        assertThat(echo("Grüße, 温度 22°C")).isEqualTo("Grüße, 温度 22°C".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mapsAreSentAsJson() throws Exception {
        byte[] reply = echo(Map.of("cmd", "setTemp", "value", 22));
        assertThat(new ObjectMapper().readValue(reply, Map.class)).isEqualTo(Map.of("cmd", "setTemp", "value", 22));
    }

    @Test
    void pojosAreSentAsJson() throws Exception {
        byte[] reply = echo(new Command("setTemp", 22));
        assertThat(new ObjectMapper().readValue(reply, Command.class)).isEqualTo(new Command("setTemp", 22));
    }

    @Test
    void streamsAreSentAsTheirBytes() {
        assertThat(echo(new ByteArrayInputStream(new byte[] { 1, 2, 3 }))).containsExactly(1, 2, 3);
    }

    @Test
    void headersOverrideTheTargetDevice() throws Exception {
        MockEndpoint echo = getMockEndpoint("mock:echo");
        echo.expectedHeaderReceived(RrpcConstants.DEVICE_NAME, "dev7");

        Exchange reply = template.request("direct:echo", e -> {
            e.getIn().setBody("hi");
            e.getIn().setHeader(RrpcConstants.DEVICE_NAME, "dev7");
        });

        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("hi");
        assertThat(reply.getMessage().getHeader(RrpcConstants.DEVICE_NAME)).isEqualTo("dev7");
        echo.assertIsSatisfied();
    }

    @Test
    void producersShareOneConnectionAndOneReplySubscription() {
        assertThat(echo("a")).isNotEmpty();
        assertThat(template.requestBody("direct:echoOther", "b", String.class)).isEqualTo("b");
        assertThat(rrpc().transports()).hasSize(1);
        assertThat(rrpc().correlators()).hasSize(1);
        assertThat(correlator().statistics().replies()).isEqualTo(2);
    }

    @Test
    void qos1RoundTrips() {
        assertThat(template.requestBody("rrpc:ECHO/reliable?qos=1", "at least once", String.class)).isEqualTo("at least once");
    }

    private byte[] echo(Object body) {
        Exchange reply = template.request("direct:echo", e -> e.getIn().setBody(body));
        assertThat(reply.getException()).isNull();
        return reply.getMessage().getBody(byte[].class);
    }

    /** A command as an application would model it. */
    public record Command(String cmd, int value) {
    }
}
