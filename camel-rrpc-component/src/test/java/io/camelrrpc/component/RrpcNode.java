package io.camelrrpc.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.camelrrpc.component.internal.correlation.ReplyCorrelator;
import io.camelrrpc.component.internal.mqtt.MqttTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.LambdaRouteBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;

import io.camelrrpc.broker.TlsCertificates;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application node for tests that need several: its own CamelContext and rrpc component, hence its own MQTT
 * connection, client id and processId prefix. Routes run without an error handler, so a failed call is reported
 * once, on its exchange, instead of being logged with a stack trace.
 */
final class RrpcNode implements AutoCloseable {

    private final CamelContext context;
    private ProducerTemplate template;

    private RrpcNode(CamelContext context) {
        this.context = context;
    }

    /**
     * A node that is not started yet.
     *
     * @param name      the CamelContext's name, for logs
     * @param brokerUrl the component's brokerUrl
     * @param options   further component options, e.g. {@code c -> c.setMaxReconnectDelay(1000)}
     */
    static RrpcNode create(String name, String brokerUrl, Consumer<RrpcConfiguration> options) {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        RrpcConfiguration configuration = context.getComponent("rrpc", RrpcComponent.class).getConfiguration();
        configuration.setBrokerUrl(brokerUrl);
        options.accept(configuration);
        return new RrpcNode(context);
    }

    static RrpcNode create(String name, String brokerUrl) {
        return create(name, brokerUrl, c -> { });
    }

    /** Adds routes (to a started node they start at once). */
    RrpcNode routes(LambdaRouteBuilder routes) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                errorHandler(noErrorHandler());
                routes.accept(this);
            }
        });
        return this;
    }

    RrpcNode start() {
        context.start();
        return this;
    }

    CamelContext context() {
        return context;
    }

    RrpcComponent component() {
        return context.getComponent("rrpc", RrpcComponent.class);
    }

    /** The node's single broker connection. */
    MqttTransport connection() {
        List<MqttTransport> connections = component().transports();
        assertThat(connections).as("connections of %s", context.getName()).hasSize(1);
        return connections.get(0);
    }

    /** The node's single reply correlator (it exists once a producer started). */
    ReplyCorrelator correlator() {
        List<ReplyCorrelator> correlators = component().correlators();
        assertThat(correlators).as("correlators of %s", context.getName()).hasSize(1);
        return correlators.get(0);
    }

    /** Sends the body to an endpoint and waits for the outcome; a failure is on the returned exchange. */
    Exchange request(String uri, Object body, Map<String, Object> headers) {
        return template().request(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(headers);
        });
    }

    Exchange request(String uri, Object body) {
        return request(uri, body, Map.of());
    }

    /** Like {@link #request} without waiting. */
    CompletableFuture<Exchange> asyncRequest(String uri, Object body, Map<String, Object> headers) {
        return template().asyncSend(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(headers);
            e.setPattern(ExchangePattern.InOut);
        });
    }

    /**
     * Adds a consumer route that answers each request with {@code <deviceName>:<request>}, e.g. on
     * {@code rrpc:P/+} a gateway for every device of P.
     *
     * @return the route, e.g. to give it an id
     */
    static RouteDefinition echoingDevices(RouteBuilder routes, String consumerUri) {
        RouteDefinition route = routes.from(consumerUri);
        route.setBody(routes.simple("${header." + RrpcConstants.DEVICE_NAME + "}:${body}"));
        return route;
    }

    /** Camel's TLS settings trusting only the test's generated CA, from its PKCS12 trust store file. */
    static SSLContextParameters trusting(TlsCertificates certificates) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + certificates.trustStore());
        trustStore.setPassword(certificates.trustStorePassword());
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        return tls;
    }

    /** The reply as text, failing the test with the call's exception if it failed. */
    static String replyText(Exchange exchange) {
        assertThat(exchange.getException()).as("call failed").isNull();
        return exchange.getMessage().getBody(String.class);
    }

    private synchronized ProducerTemplate template() {
        if (template == null) {
            template = context.createProducerTemplate();
        }
        return template;
    }

    @Override
    public void close() {
        context.stop();
    }

    @Override
    public String toString() {
        return context.getName();
    }
}
