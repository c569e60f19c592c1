package io.camelrrpc.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.component.internal.correlation.ReplyCorrelator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of calls queued behind one busy device when the broker dies: all fail at once with a typed error, none
 * waits for its timeout, nothing is left behind, and after the broker is back the (deliberately tiny) publish window
 * still works.
 */
class ConnectionLossIT {

    private EmbeddedMqttBroker broker;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedMqttBroker.builder().start();
        context = new DefaultCamelContext();
        RrpcConfiguration config = context.getComponent("rrpc", RrpcComponent.class).getConfiguration();
        config.setBrokerUrl(broker.getBrokerUrl());
        config.setMaxReconnectDelay(500);
        // a producer still subscribing its replies when the broker dies waits for a reconnect until connectionTimeout + 1 s
        config.setConnectionTimeout(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rrpc:P/echo").log("echo ${body}");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        broker.close();
    }

    @Test
    void queuedCallsFailAtOnceWhenTheBrokerDies() throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            calls.add(template.asyncSend("rrpc:P/silent?requestTimeout=30000", e -> e.getIn().setBody("hello")));
        }
        ReplyCorrelator correlator = context.getComponent("rrpc", RrpcComponent.class).correlators().get(0);
        await().until(() -> correlator.pendingCalls() == 5000);

        long stopped = System.nanoTime();
        broker.stop();
        int lost = 0;
        for (CompletableFuture<Exchange> call : calls) {
            Exception failure = call.get(10, TimeUnit.SECONDS).getException();
            assertThat(failure).as("the waiting call fails with a connection error, the queued ones with 'not connected'")
                    .isInstanceOf(RrpcCallException.class);
            lost += failure instanceof RrpcConnectionLostException ? 1 : 0;
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped)).isLessThan(10_000);
        assertThat(lost).isPositive();
        assertThat(correlator.pendingCalls()).isZero();
        assertThat(correlator.busyDevices()).isZero();

    }

    @Test
    void aBurstCutByABrokerStopLeavesTheConnectionWorkingWhenTheBrokerComesBack() throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        String uri = "rrpc:P/echo?maxConcurrentCallsPerDevice=0&requestTimeout=3000";
        // the producer is up with its reply subscription before the burst (one starting while the broker dies waits
        // for a reconnect: the test above)
        assertThat(template.requestBody(uri, "first", String.class)).isEqualTo("first");
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(template.asyncSend(uri, e -> e.getIn().setBody("burst")));
        }
        broker.stop();
        for (CompletableFuture<Exchange> call : calls) {
            call.get(10, TimeUnit.SECONDS);
        }
        broker.start();
        await().atMost(15, TimeUnit.SECONDS).until(() -> context.getComponent("rrpc", RrpcComponent.class)
                .transports().stream().allMatch(c -> c.isHealthy()));
        for (int i = 0; i < 20; i++) {
            assertThat(template.requestBody(uri, "again " + i, String.class)).isEqualTo("again " + i);
        }
    }
}
