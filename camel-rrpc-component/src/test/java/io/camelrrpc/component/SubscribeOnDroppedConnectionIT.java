package io.camelrrpc.component;

import java.util.concurrent.atomic.AtomicBoolean;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker that drops the connection while the first SUBSCRIBE is in flight (as Moquette sometimes does right after a
 * connect): the route still starts, subscribing again once the client has reconnected by itself, and answers calls.
 */
class SubscribeOnDroppedConnectionIT {

    @Test
    void routeStartsWhenTheConnectionDropsDuringItsSubscribe() throws Exception {
        FirstSubscribeDropped firstSubscribe = new FirstSubscribeDropped();
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().start();
             MqttPacketProxy proxy = new MqttPacketProxy(broker.getBrokerUrl(), firstSubscribe,
                     MqttPacketProxy.PacketRule.PASS)) {
            CamelContext context = new DefaultCamelContext();
            RrpcConfiguration config = context.getComponent("rrpc", RrpcComponent.class).getConfiguration();
            config.setBrokerUrl(proxy.url());
            config.setAutomaticReconnect(true);
            config.setMaxReconnectDelay(200);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("rrpc:P/echo").setBody(simple("echo ${body}"));
                }
            });
            try {
                context.start();

                assertThat(firstSubscribe.dropped).as("the proxy dropped the connection at the first SUBSCRIBE").isTrue();
                assertThat(proxy.connections()).isGreaterThan(1);
                assertThat(context.createProducerTemplate().requestBody("rrpc:P/echo?requestTimeout=2000", "hi",
                        String.class)).isEqualTo("echo hi");
            } finally {
                context.stop();
            }
        }
    }

    /** Closes the connection at the first SUBSCRIBE (fixed header byte {@code 0x82}), before the broker gets it. */
    private static final class FirstSubscribeDropped implements MqttPacketProxy.PacketRule {

        private static final int SUBSCRIBE = 0x82;

        private final AtomicBoolean dropped = new AtomicBoolean();

        @Override
        public boolean forward(MqttPacketProxy.Packet packet) {
            return packet.header() != SUBSCRIBE || !dropped.compareAndSet(false, true);
        }
    }
}
