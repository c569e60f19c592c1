package io.camelrrpc.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.camelrrpc.component.RrpcComponent;
import io.camelrrpc.component.RrpcConstants;
import io.camelrrpc.component.spi.CallStatistics;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * rrpc: a route {@code direct:<name> -> rrpc:...} in the shared caller CamelContext, driven through an AsyncProducer
 * (no thread per call), answered by a device CamelContext on its own MQTT connection whose {@code rrpc:} consumer
 * replies with the request's bytes. The device context serves product P through {@code rrpc:P/D} and product G
 * through one gateway consumer {@code rrpc:G/+}; the gateway targets set CamelRrpcDeviceName per call.
 */
final class RrpcTarget implements CallTarget {

    /** Calls completed on a Netty I/O thread of the MQTT client: the component promises that routes never run there. */
    static final LongAdder COMPLETED_ON_IO_THREAD = new LongAdder();
    /** How the HiveMQ client names its Netty event loop threads. */
    private static final String IO_THREAD_PREFIX = "com.hivemq.client.mqtt";

    /**
     * The calling side: one CamelContext, so one MQTT connection and one wildcard reply subscription for every rrpc
     * target, as one application has. (A context per target would give each target every other target's replies.)
     * Calls to one device are not serialized ({@code maxConcurrentCallsPerDevice=0}): the floor does not serialize
     * them either, and the answering consumer replies to each request on its own processId.
     */
    static final class CallerSide implements AutoCloseable {
        final CamelContext context;

        /** @param options more options of the component's configuration, by name (e.g. sslContextParameters) */
        CallerSide(String brokerUrl, long requestTimeout, Map<String, Object> options) throws Exception {
            context = named("rrpc-caller");
            RrpcComponent rrpc = component(context, brokerUrl, options);
            rrpc.getConfiguration().setRequestTimeout(requestTimeout);
            rrpc.getConfiguration().setMaxConcurrentCallsPerDevice(0);
            context.start();
        }

        @Override
        public void close() {
            context.stop();
        }
    }

    /** The answering side: one CamelContext with the device P/D and the gateway G/+, shared by the targets. */
    static final class DeviceSide implements AutoCloseable {
        final CamelContext context;

        /** @param options more options of the component's configuration, by name (e.g. sslContextParameters) */
        DeviceSide(String brokerUrl, int consumers, int queue, Map<String, Object> options) throws Exception {
            this(brokerUrl, "?concurrentConsumers=" + consumers + "&consumerQueueSize=" + queue, options);
        }

        /** The consumers with their default threads and queue. */
        static DeviceSide withDefaults(String brokerUrl, Map<String, Object> options) throws Exception {
            return new DeviceSide(brokerUrl, "", options);
        }

        private DeviceSide(String brokerUrl, String query, Map<String, Object> options) throws Exception {
            context = named("rrpc-device");
            component(context, brokerUrl, options);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the device's handler: the reply is the request's body
                    from("rrpc:P/D" + query).routeId("device").process(exchange -> {
                    });
                    from("rrpc:G/+" + query).routeId("gateway").process(exchange -> {
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
     * Adds the rrpc component to the context. The options are bound by name, as a Spring Boot or Quarkus
     * application's properties are.
     */
    private static RrpcComponent component(CamelContext context, String brokerUrl, Map<String, Object> options) {
        RrpcComponent rrpc = new RrpcComponent();
        rrpc.getConfiguration().setBrokerUrl(brokerUrl);
        PropertyBindingSupport.build().withMandatory(true).withRemoveParameters(false)
                .bind(context, rrpc.getConfiguration(), new LinkedHashMap<>(options));
        context.addComponent("rrpc", rrpc);
        return rrpc;
    }

    private static CamelContext named(String name) {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(1); // calls a broker dropped must not hold the stop
        context.getCamelContextExtension().setName(name);
        return context;
    }

    private final CamelContext caller;
    private final String routeId;
    private final AsyncProducer producer;
    private final Endpoint endpoint;
    private final String[] deviceNames;

    /**
     * @param name        names the route {@code direct:<name>}
     * @param device      P/D for product P, any device of G for the gateway
     * @param deviceNames the devices to spread calls over; null for the device of {@code device} only
     */
    RrpcTarget(CallerSide caller, String name, String device, String[] deviceNames) throws Exception {
        this.caller = caller.context;
        this.routeId = name;
        this.deviceNames = deviceNames;
        this.caller.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + name).routeId(name).to("rrpc:" + device);
            }
        });
        endpoint = this.caller.getEndpoint("direct:" + name);
        producer = endpoint.createAsyncProducer();
        producer.start();
    }

    @Override
    public void call(byte[] payload, long seq, Done done) {
        Exchange exchange = endpoint.createExchange(ExchangePattern.InOut);
        exchange.getMessage().setBody(payload);
        if (deviceNames != null) {
            exchange.getMessage().setHeader(RrpcConstants.DEVICE_NAME, deviceNames[(int) (seq % deviceNames.length)]);
        }
        producer.process(exchange, doneSync -> {
            if (Thread.currentThread().getName().startsWith(IO_THREAD_PREFIX)) {
                COMPLETED_ON_IO_THREAD.increment();
            }
            done.done(exchange.getException() == null
                      && exchange.getMessage().getBody() instanceof byte[] reply && reply.length == payload.length);
        });
    }

    /** The caller's replies that completed no call: late, duplicate, unmatched or from the wrong device. */
    @Override
    public long strayReplies() {
        long stray = 0;
        for (CallStatistics statistics : caller.getComponent("rrpc", RrpcComponent.class).getCallStatistics()) {
            stray += statistics.lateReplies() + statistics.duplicateReplies() + statistics.unmatchedReplies()
                     + statistics.misaddressedReplies();
        }
        return stray;
    }

    @Override
    public void close() throws Exception {
        producer.stop();
        caller.getRouteController().stopRoute(routeId);
        caller.removeRoute(routeId);
    }
}
