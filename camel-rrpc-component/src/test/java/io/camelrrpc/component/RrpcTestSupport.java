package io.camelrrpc.component;

import java.util.List;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.component.internal.correlation.ReplyCorrelator;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/** A Camel context whose rrpc component talks to an embedded broker started for the test class. */
abstract class RrpcTestSupport extends CamelTestSupport {

    protected static EmbeddedMqttBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedMqttBroker.builder().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        RrpcConfiguration configuration = camelContext.getComponent("rrpc", RrpcComponent.class).getConfiguration();
        configuration.setBrokerUrl(broker.getBrokerUrl());
        return camelContext;
    }

    protected RrpcComponent rrpc() {
        return context.getComponent("rrpc", RrpcComponent.class);
    }

    /** A producer outside any route, started now and stopped with the context. */
    protected AsyncProducer startedProducer(String uri) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        context.addService(producer, true, true);
        return producer;
    }

    /** The single correlator of the context's producers. */
    protected ReplyCorrelator correlator() {
        List<ReplyCorrelator> correlators = rrpc().correlators();
        assertThat(correlators).hasSize(1);
        return correlators.get(0);
    }
}
