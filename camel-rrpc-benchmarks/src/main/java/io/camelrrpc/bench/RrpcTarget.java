package io.camelrrpc.bench;

import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.RrpcConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * rrpc: a caller CamelContext whose route {@code direct:call -> rrpc:P/D} is driven through an AsyncProducer (no
 * thread per call), and a device CamelContext, on its own MQTT connection, whose {@code rrpc:} consumer answers
 * with the request's bytes. The device context also serves product G through one gateway consumer
 * {@code rrpc:G/+}; the gateway target sets CamelRrpcDeviceName per call.
 */
final class RrpcTarget implements CallTarget {

    /** Calls completed on a Paho thread: the component promises that routes never run there. */
    static final java.util.concurrent.atomic.LongAdder COMPLETED_ON_PAHO_THREAD = new java.util.concurrent.atomic.LongAdder();

    private final CamelContext caller;
    private final Endpoint endpoint;
    private final AsyncProducer producer;
    private final String[] deviceNames;

    /** The answering side: one CamelContext with the device P/D and the gateway G/+, shared by the targets. */
    static final class DeviceSide implements AutoCloseable {
        final CamelContext context;

        DeviceSide(String brokerUrl, int consumers, int queue) throws Exception {
            context = new DefaultCamelContext();
            context.getShutdownStrategy().setTimeout(1); // calls a broker dropped must not hold the stop
            context.getCamelContextExtension().setName("rrpc-device");
            RrpcComponent rrpc = new RrpcComponent();
            rrpc.getConfiguration().setBrokerUrl(brokerUrl);
            context.addComponent("rrpc", rrpc);
            String options = "?concurrentConsumers=" + consumers + "&consumerQueueSize=" + queue;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the device's handler: the reply is the request's body
                    from("rrpc:P/D" + options).routeId("device").process(exchange -> {
                    });
                    from("rrpc:G/+" + options).routeId("gateway").process(exchange -> {
                    });
                }
            });
            context.start();
        }

        @Override
        public void close() {
            context.stop();
        }
    }

    /**
     * @param product     P (one device, D) or G (gateway)
     * @param deviceNames the devices to spread calls over; null for D only
     */
    RrpcTarget(String brokerUrl, String product, String[] deviceNames, DeviceSide device, long requestTimeout)
            throws Exception {
        this.deviceNames = deviceNames;
        caller = new DefaultCamelContext();
        caller.getShutdownStrategy().setTimeout(1); // calls a broker dropped must not hold the stop
        caller.getCamelContextExtension().setName("rrpc-caller");
        RrpcComponent rrpc = new RrpcComponent();
        rrpc.getConfiguration().setBrokerUrl(brokerUrl);
        rrpc.getConfiguration().setRequestTimeout(requestTimeout);
        caller.addComponent("rrpc", rrpc);
        caller.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").routeId("caller").to("rrpc:" + product + "/D");
            }
        });
        caller.start();
        endpoint = caller.getEndpoint("direct:call");
        producer = endpoint.createAsyncProducer();
        producer.start();
    }

    CamelContext callerContext() {
        return caller;
    }

    @Override
    public void call(byte[] payload, long seq, Done done) {
        Exchange exchange = endpoint.createExchange(ExchangePattern.InOut);
        exchange.getMessage().setBody(payload);
        if (deviceNames != null) {
            exchange.getMessage().setHeader(RrpcConstants.DEVICE_NAME, deviceNames[(int) (seq % deviceNames.length)]);
        }
        producer.process(exchange, doneSync -> {
            if (Thread.currentThread().getName().startsWith("MQTT ")) {
                COMPLETED_ON_PAHO_THREAD.increment();
            }
            done.done(exchange.getException() == null
                      && exchange.getMessage().getBody() instanceof byte[] reply && reply.length == payload.length);
        });
    }

    @Override
    public void close() {
        producer.stop();
        caller.stop();
    }
}
