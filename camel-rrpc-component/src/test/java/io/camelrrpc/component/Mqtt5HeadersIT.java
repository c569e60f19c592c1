package io.camelrrpc.component;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.camelrrpc.component.internal.Mqtt5Headers;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camel headers travel as MQTT 5 user properties through the endpoint's header filter strategy, and a text body
 * carries its content type, on Mosquitto: seen by {@code mosquitto_sub -V 5}, and between our producer and consumer.
 */
class Mqtt5HeadersIT extends MosquittoClientsTestSupport {

    private static final Map<String, Object> CALLER_HEADERS = Map.of(
            "colour", "red", "secret", "s3", "CamelInternal", "x", RrpcConstants.REQUEST_TIMEOUT, 300);

    @Test
    void callerHeadersReachAnIndependentClientAsUserPropertiesButCamelHeadersDoNot() throws Exception {
        MosquittoClients.Background device = clients.subscribe("device",
                "-V", "5", "-t", "$rrpc/rxd/P/lamp/+", "-F", "%P|%C|%F|%p");
        node = mqtt5Node("caller").start();

        await("the device got a request").atMost(Duration.ofSeconds(10)).until(() -> {
            node.request("rrpc:P/lamp", "on", CALLER_HEADERS);
            return device.output().contains("|on");
        });

        String request = device.output().lines().findFirst().orElseThrow();
        assertThat(request).contains("colour:red", "secret:s3", "|text/plain; charset=UTF-8|1|on")
                .doesNotContain("Camel");
    }

    @Test
    void consumerRouteHeadersComeBackToTheProducerAsHeaders() throws Exception {
        node = mqtt5Node("both").routes(r -> r.from("rrpc:P/+")
                .setHeader("sawColour", r.header("colour"))
                .setHeader("answeredBy", r.constant("lamp-firmware"))
                .setBody(r.simple("ok:${body}"))).start();

        Exchange call = node.request("rrpc:P/lamp", "on", Map.of("colour", "red"));

        assertThat(call.getException()).isNull();
        assertThat(RrpcNode.replyText(call)).isEqualTo("ok:on");
        assertThat(call.getMessage().getHeaders()).containsEntry("sawColour", "red")
                .containsEntry("answeredBy", "lamp-firmware")
                .containsEntry(Exchange.CONTENT_TYPE, Mqtt5Headers.TEXT_CONTENT_TYPE);
    }

    @Test
    void customHeaderFilterStrategyIsHonoured() throws Exception {
        DefaultHeaderFilterStrategy noSecrets = new RrpcHeaderFilterStrategy();
        noSecrets.setOutFilter(Set.of("secret"));
        node = mqtt5Node("both").routes(r -> r.from("rrpc:P/+")
                .setHeader("sawColour", r.header("colour"))
                .setHeader("sawSecret", r.header("secret"))
                .setBody(r.constant("ok"))).start();
        node.context().getRegistry().bind("noSecrets", noSecrets);

        Exchange call = node.request("rrpc:P/lamp?headerFilterStrategy=#noSecrets", "on",
                Map.of("colour", "red", "secret", "s3"));

        assertThat(call.getException()).isNull();
        assertThat(call.getMessage().getHeaders()).containsEntry("sawColour", "red").doesNotContainKey("sawSecret");
    }
}
