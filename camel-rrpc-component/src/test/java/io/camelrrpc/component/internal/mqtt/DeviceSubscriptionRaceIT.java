package io.camelrrpc.component.internal.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.component.ComponentInternals;
import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.internal.mqtt.hivemq.HiveMqConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PerDevice reply subscriptions: the linger expires a device's subscription while a new call to that device
 * subscribes again. The test holds the UNSUBSCRIBE at the moment it is about to be sent and lets the new call go
 * first: the device must not be left deaf by an UNSUBSCRIBE that reaches the broker after the new SUBSCRIBE.
 */
class DeviceSubscriptionRaceIT {

    private static final String REPLIES_OF_LAMP = "$rrpc/txd/P/lamp/+";
    /** The sweep looks every 250 ms; calls made one after another are well within a second of each other. */
    private static final String LAMP = "rrpc:P/lamp?replySubscription=PerDevice&replySubscriptionLinger=1000";

    private EmbeddedMqttBroker broker;
    private CamelContext context;
    private ProducerTemplate template;

    private void start() throws Exception {
        broker = EmbeddedMqttBroker.builder().start();
        context = new DefaultCamelContext();
        context.getComponent("rrpc", RrpcComponent.class).getConfiguration().setBrokerUrl(broker.getBrokerUrl());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rrpc:P/+").setBody(simple("${header.CamelRrpcDeviceName}:${body}"));
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void callThatSubscribesWhileTheExpiredSubscriptionIsBeingUnsubscribedLeavesTheDeviceHearing() throws Exception {
        start();
        assertThat(template.requestBody(LAMP, "1", String.class)).isEqualTo("lamp:1");
        RrpcComponent rrpc = context.getComponent("rrpc", RrpcComponent.class);
        HiveMqConnection connection = (HiveMqConnection) ComponentInternals.transports(rrpc).get(0);
        CountDownLatch unsubscribing = new CountDownLatch(1);
        CompletableFuture<String> second = new CompletableFuture<>();
        AtomicBoolean first = new AtomicBoolean(true);
        connection.beforeUnsubscribe(filter -> {
            if (filter.equals(REPLIES_OF_LAMP) && first.getAndSet(false)) {
                unsubscribing.countDown();
                // let the second call subscribe and finish first; a connection that orders the two operations makes
                // the second call wait for this UNSUBSCRIBE instead: then go on after a while
                second.completeOnTimeout("waits", 2, TimeUnit.SECONDS).join();
            }
        });

        assertThat(unsubscribing.await(10, TimeUnit.SECONDS)).as("the linger expired the subscription").isTrue();
        template.asyncRequestBodyAndHeader(LAMP, "2", "CamelRrpcRequestTimeout", 5000, String.class)
                .whenComplete((reply, failure) -> second.complete(failure == null ? reply : failure.toString()));
        String secondReply = second.get(10, TimeUnit.SECONDS);

        assertThat(template.requestBodyAndHeader(LAMP, "3", "CamelRrpcRequestTimeout", 2000, String.class))
                .as("a call after the second one (the second reply: %s)", secondReply).isEqualTo("lamp:3");
    }
}
