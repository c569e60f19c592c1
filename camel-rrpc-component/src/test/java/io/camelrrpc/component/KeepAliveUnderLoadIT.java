package io.camelrrpc.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelrrpc.broker.MqttBroker;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 s keep-alive under sustained 4 KB QoS 0 calls: no connection may be dropped as dead while calls flow (a
 * keep-alive that saw only its own packets, or a PINGRESP stuck behind the load, would drop it). 4 s of load are four
 * intervals, twice the time a missing PINGRESP takes to show.
 */
class KeepAliveUnderLoadIT {

    private static final Logger LOG = LoggerFactory.getLogger(KeepAliveUnderLoadIT.class);
    private static final long LOAD_MILLIS = 4_000;
    private static final int IN_FLIGHT = 256;
    private static final byte[] FOUR_KB = new byte[4096];

    @RegisterExtension
    final Closer closer = new Closer();

    @ParameterizedTest
    @EnumSource(RestartableBroker.Kind.class)
    void shortKeepAliveUnderSustainedLoadDropsNoConnection(RestartableBroker.Kind kind) throws Exception {
        MqttBroker broker = closer.add(RestartableBroker.start(kind));
        RrpcNode gateway = closer.add(RrpcNode.create("gateway", broker.getBrokerUrl(), c -> c.setKeepAliveInterval(1))
                .routes(r -> r.from("rrpc:P/+?concurrentConsumers=4&consumerQueueSize=10000").setBody(r.body())).start());
        RrpcNode caller = closer.add(RrpcNode.create("caller", broker.getBrokerUrl(), c -> c.setKeepAliveInterval(1))
                .routes(r -> r.from("direct:call").to("rrpc:P/D?maxConcurrentCallsPerDevice=0&requestTimeout=10000"))
                .start());
        List<String> drops = new CopyOnWriteArrayList<>();
        for (RrpcNode node : new RrpcNode[] { gateway, caller }) {
            node.connection().addListener(cause -> drops.add(node + ": " + cause));
        }

        AtomicLong replies = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS);
        while (System.nanoTime() < end && drops.isEmpty()) {
            inFlight.acquire();
            caller.asyncRequest("direct:call", FOUR_KB, Map.of()).whenComplete((exchange, error) -> {
                if (exchange.getException() == null) {
                    replies.incrementAndGet();
                } else {
                    failures.add(exchange.getException());
                }
                inFlight.release();
            });
        }
        assertThat(inFlight.tryAcquire(IN_FLIGHT, 20, TimeUnit.SECONDS)).as("every call completed").isTrue();

        LOG.info("{} calls of 4 KB answered in {} ms with a 1 s keep-alive; drops: {}", replies.get(), LOAD_MILLIS, drops);
        assertThat(drops).as("connections dropped").isEmpty();
        assertThat(failures).isEmpty();
        assertThat(replies.get()).isPositive();
    }
}
