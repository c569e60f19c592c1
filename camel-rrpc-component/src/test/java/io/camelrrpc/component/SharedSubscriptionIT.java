package io.camelrrpc.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.broker.MosquittoBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Consumers on several nodes share one device's requests through an MQTT shared subscription, and a broker that
 * accepts a shared subscription but never delivers on it is caught at start instead of leaving consumers deaf.
 */
class SharedSubscriptionIT {

    private static final String PLAIN_TOPICS = "&requestTopicTemplate=rrpc/rxd/{productId}/{deviceName}/{processId}"
                                               + "&replyTopicTemplate=rrpc/txd/{productId}/{deviceName}/{processId}";

    private static MosquittoBroker mosquitto;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startMosquitto() {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
        mosquitto = MosquittoBroker.builder().start();
    }

    @AfterAll
    static void stopMosquitto() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    @Test
    void eachRequestIsHandledByOneNodeOfTheGroup() throws Exception {
        AtomicInteger nodeA = new AtomicInteger();
        AtomicInteger nodeB = new AtomicInteger();
        startContext(mosquitto.getBrokerUrl(), "from('rrpc:P/+?sharedSubscriptionGroup=devices" + PLAIN_TOPICS + "')", nodeA);
        startContext(mosquitto.getBrokerUrl(), "from('rrpc:P/+?sharedSubscriptionGroup=devices" + PLAIN_TOPICS + "')", nodeB);
        CamelContext caller = startContext(mosquitto.getBrokerUrl(), null, null);
        ProducerTemplate template = caller.createProducerTemplate();

        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replies.add(template.asyncRequestBodyAndHeader("rrpc:P/dev0?maxConcurrentCallsPerDevice=0" + PLAIN_TOPICS,
                    "call-" + i, RrpcConstants.DEVICE_NAME, "dev" + (i % 10), String.class));
        }
        for (int i = 0; i < 200; i++) {
            assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("call-" + i);
        }
        assertThat(nodeA.get() + nodeB.get()).as("every request handled exactly once").isEqualTo(200);
        assertThat(nodeA.get()).as("node A took a share").isPositive();
        assertThat(nodeB.get()).as("node B took a share").isPositive();
    }

    @Test
    void mosquittoSharedSubscriptionOnDollarTopicsIsRefusedAtStart() {
        assertThatThrownBy(() -> startContext(mosquitto.getBrokerUrl(), "from('rrpc:P/+?sharedSubscriptionGroup=devices')", null))
                .hasStackTraceContaining("delivered nothing")
                .hasStackTraceContaining("without a leading '$'");
    }

    @Test
    void moquetteWithoutSharedSubscriptionsIsRefusedAtStart() {
        try (EmbeddedMqttBroker moquette = EmbeddedMqttBroker.builder().start()) {
            assertThatThrownBy(() -> startContext(moquette.getBrokerUrl(),
                    "from('rrpc:P/+?sharedSubscriptionGroup=devices" + PLAIN_TOPICS + "')", null))
                    .hasStackTraceContaining("delivered nothing");
        }
    }

    /** A context on the broker, with an echo consumer when given, counting what it handles. */
    private CamelContext startContext(String brokerUrl, String consumer, AtomicInteger handled) throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        context.getComponent("rrpc", RrpcComponent.class).getConfiguration().setBrokerUrl(brokerUrl);
        if (consumer != null) {
            String uri = consumer.substring("from('".length(), consumer.length() - 2);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).process(e -> handled.incrementAndGet());
                }
            });
        }
        context.start();
        return context;
    }
}
