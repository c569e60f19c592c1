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
    private RrpcNode node;

    @BeforeEach
    void start() throws Exception {
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (Boolean.TRUE.equals(config.isPercentileHistogram())) {
                    histograms.add(id.getName());
                }
                return config;
            }
        });
        broker = EmbeddedMqttBroker.builder().start();
        node = RrpcNode.create("metrics", broker.getBrokerUrl());
        node.context().getRegistry().bind("someMeterRegistry", meters);
        node.component().setMetricsPercentileHistogram(true);
        node.component().setMetricsDeviceTag(true);
        node.routes(routes -> routes.from("rrpc:P/+").setBody(routes.constant("ok"))).start();
    }

    @AfterEach
    void stop() {
        node.close();
        broker.close();
    }

    @Test
    void timersHaveHistogramBucketsAndTheDeviceTag() {
        assertThat(RrpcNode.replyText(node.request("rrpc:P/dev1", "hi"))).isEqualTo("ok");

        Timer calls = meters.get("rrpc.calls").tags("outcome", "ok", "product", "P", "device", "dev1").timer();
        assertThat(calls.count()).isEqualTo(1);
        Timer requests = meters.get("rrpc.requests").tags("outcome", "ok", "product", "P", "device", "dev1").timer();
        assertThat(requests.count()).isEqualTo(1);
        assertThat(histograms).containsExactlyInAnyOrder("rrpc.calls", "rrpc.requests");
    }
}
