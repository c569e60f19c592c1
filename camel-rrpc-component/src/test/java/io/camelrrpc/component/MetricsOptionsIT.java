package io.camelrrpc.component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's options metricsPercentileHistogram and metricsDeviceTag, and a registry found by type (as in
 * Spring Boot, where it is the application's primary MeterRegistry).
 */
class MetricsOptionsIT {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    /** The timers asking for histogram buckets (SimpleMeterRegistry itself keeps none). */
    private final Set<String> histograms = ConcurrentHashMap.newKeySet();
    private EmbeddedMqttBroker broker;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedMqttBroker.builder().start();
        context = new DefaultCamelContext();
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (Boolean.TRUE.equals(config.isPercentileHistogram())) {
                    histograms.add(id.getName());
                }
                return config;
            }
        });
        context.getRegistry().bind("someMeterRegistry", meters);
        RrpcComponent rrpc = context.getComponent("rrpc", RrpcComponent.class);
        rrpc.getConfiguration().setBrokerUrl(broker.getBrokerUrl());
        rrpc.setMetricsPercentileHistogram(true);
        rrpc.setMetricsDeviceTag(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rrpc:P/+").setBody(constant("ok"));
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
    void timersHaveHistogramBucketsAndTheDeviceTag() {
        assertThat(context.createProducerTemplate().requestBody("rrpc:P/dev1", "hi", String.class)).isEqualTo("ok");

        Timer calls = meters.get("rrpc.calls").tags("outcome", "ok", "product", "P", "device", "dev1").timer();
        assertThat(calls.count()).isEqualTo(1);
        Timer requests = meters.get("rrpc.requests").tags("outcome", "ok", "product", "P", "device", "dev1").timer();
        assertThat(requests.count()).isEqualTo(1);
        assertThat(histograms).containsExactlyInAnyOrder("rrpc.calls", "rrpc.requests");
    }
}
