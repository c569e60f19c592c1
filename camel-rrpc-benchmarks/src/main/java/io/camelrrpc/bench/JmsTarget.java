package io.camelrrpc.bench;

import java.net.InetAddress;
import java.net.ServerSocket;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * What a Camel user would pick instead: camel-jms InOut over an embedded ActiveMQ Artemis broker (in memory, core
 * protocol over loopback TCP). Fastest sensible configuration:
 * <ul>
 * <li>caller: {@code jms:queue:bench.request?replyTo=bench.reply&replyToType=Exclusive&replyToConcurrentConsumers=4
 * &deliveryPersistent=false} (a fixed reply queue owned by this caller: no temporary queue, no message selector;
 * non-persistent requests are sent without waiting for the broker). Measured here against the alternatives: a
 * temporary reply queue was 2x slower, one reply consumer instead of 4 about 10-30% slower;</li>
 * <li>sends go through Spring's CachingConnectionFactory (session + producer reuse); listeners use the plain
 * Artemis factory, as Camel's docs advise;</li>
 * <li>answering side: {@code jms:queue:bench.request?concurrentConsumers=N&replyToDeliveryPersistent=false}.</li>
 * </ul>
 */
final class JmsTarget implements CallTarget {

    /** The caller's endpoint; -Dbench.jms.callerUri=... tries another configuration. */
    static final String CALLER_URI = System.getProperty("bench.jms.callerUri",
            "jms:queue:bench.request?replyTo=bench.reply&replyToType=Exclusive&replyToConcurrentConsumers=4"
            + "&deliveryPersistent=false");
    /** The answering side's endpoint options after concurrentConsumers; -Dbench.jms.serverOptions=... */
    static final String SERVER_OPTIONS = System.getProperty("bench.jms.serverOptions", "&replyToDeliveryPersistent=false");

    private final EmbeddedActiveMQ broker;
    private CamelContext server;
    private CamelContext caller;
    private Endpoint endpoint;
    private AsyncProducer producer;

    JmsTarget(int consumers, long requestTimeout) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        try {
            String url = "tcp://127.0.0.1:" + port;
            server = context("jms-server", url);
            caller = context("jms-caller", url);
            start(consumers, requestTimeout);
            endpoint = caller.getEndpoint("direct:call");
            producer = endpoint.createAsyncProducer();
            producer.start();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void start(int consumers, long requestTimeout) throws Exception {

        server.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:bench.request?concurrentConsumers=" + consumers + SERVER_OPTIONS)
                        .routeId("jms-server").process(exchange -> {
                        });
            }
        });
        server.start();

        caller.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").routeId("jms-caller").to(CALLER_URI + "&requestTimeout=" + requestTimeout);
            }
        });
        caller.start();
    }

    private static CamelContext context(String name, String url) {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(1); // calls a broker dropped must not hold the stop
        context.getCamelContextExtension().setName(name);
        ConnectionFactory plain = new ActiveMQConnectionFactory(url);
        CachingConnectionFactory cached = new CachingConnectionFactory(plain);
        cached.setSessionCacheSize(64);
        JmsComponent jms = JmsComponent.jmsComponent(plain);
        jms.getConfiguration().setListenerConnectionFactory(plain);
        jms.getConfiguration().setTemplateConnectionFactory(cached);
        context.addComponent("jms", jms);
        return context;
    }

    @Override
    public void call(byte[] payload, long seq, Done done) {
        Exchange exchange = endpoint.createExchange(ExchangePattern.InOut);
        exchange.getMessage().setBody(payload);
        producer.process(exchange, doneSync -> done.done(exchange.getException() == null
                && exchange.getMessage().getBody() instanceof byte[] reply && reply.length == payload.length));
    }

    @Override
    public void close() throws Exception {
        if (producer != null) {
            producer.stop();
        }
        if (caller != null) {
            caller.stop();
        }
        if (server != null) {
            server.stop();
        }
        broker.stop();
    }
}
