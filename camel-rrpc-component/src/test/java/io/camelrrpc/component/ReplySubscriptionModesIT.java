package io.camelrrpc.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.component.internal.correlation.ReplyCorrelator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes call devices through one broker. With Wildcard reply subscriptions each node also receives (and drops)
 * the other's replies; with PerDevice subscriptions a node receives only the replies of the devices it calls.
 */
class ReplySubscriptionModesIT extends RrpcTestSupport {

    private final List<CamelContext> nodes = new ArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("rrpc:P/+").setBody(simple("${header.CamelRrpcDeviceName}:${body}"));
            }
        };
    }

    @BeforeEach
    void startNodes() throws Exception {
        nodes.add(startNode());
        nodes.add(startNode());
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(CamelContext::stop);
    }

    private CamelContext startNode() {
        CamelContext node = new DefaultCamelContext();
        RrpcConfiguration configuration = node.getComponent("rrpc", RrpcComponent.class).getConfiguration();
        configuration.setBrokerUrl(broker.getBrokerUrl());
        node.start();
        return node;
    }

    @Test
    void wildcardNodesReceiveEachOthersReplies() throws Exception {
        for (CamelContext node : nodes) {
            node.createProducerTemplate().requestBody("rrpc:P/warmUp?replySubscription=Wildcard", "subscribe first");
        }
        callDisjointDevices("replySubscription=Wildcard");
        for (CamelContext node : nodes) {
            await().until(() -> correlatorOf(node).statistics().unmatchedReplies() >= 50);
        }
    }

    @Test
    void perDeviceNodesReceiveOnlyTheirOwnReplies() throws Exception {
        callDisjointDevices("replySubscription=PerDevice");
        for (CamelContext node : nodes) {
            ReplyCorrelator correlator = correlatorOf(node);
            assertThat(correlator.statistics().replies()).isEqualTo(50);
            assertThat(correlator.statistics().unmatchedReplies()).isZero();
            assertThat(correlator.deviceSubscriptions()).isEqualTo(5);
        }
    }

    @Test
    void unusedDeviceSubscriptionsExpireAfterTheLinger() {
        ProducerTemplate template = nodes.get(0).createProducerTemplate();
        String uri = "rrpc:P/lamp?replySubscription=PerDevice&replySubscriptionLinger=300";
        assertThat(template.requestBody(uri, "on", String.class)).isEqualTo("lamp:on");
        ReplyCorrelator correlator = correlatorOf(nodes.get(0));
        assertThat(correlator.deviceSubscriptions()).isEqualTo(1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> correlator.deviceSubscriptions() == 0);
        assertThat(template.requestBody(uri, "again", String.class)).as("subscribes again").isEqualTo("lamp:again");
    }

    /** Node 0 calls devices a0..a4, node 1 calls b0..b4, ten calls each, at the same time. */
    private void callDisjointDevices(String options) throws Exception {
        List<CompletableFuture<String>> replies = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            for (int n = 0; n < 2; n++) {
                String device = (n == 0 ? "a" : "b") + (i % 5);
                String body = "node" + n + "-call" + i;
                replies.add(nodes.get(n).createProducerTemplate().asyncRequestBodyAndHeader(
                        "rrpc:P/x?maxConcurrentCallsPerDevice=0&" + options, body, RrpcConstants.DEVICE_NAME, device,
                        String.class));
                expected.add(device + ":" + body);
            }
        }
        for (int i = 0; i < replies.size(); i++) {
            assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(expected.get(i));
        }
    }

    private static ReplyCorrelator correlatorOf(CamelContext node) {
        List<ReplyCorrelator> correlators = node.getComponent("rrpc", RrpcComponent.class).correlators();
        assertThat(correlators).hasSize(1);
        return correlators.get(0);
    }
}
