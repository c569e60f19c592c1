package io.camelrrpc.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls across a real 3-node RabbitMQ cluster (MQTT plugin; {@code $rrpc} topics route between nodes), with a node
 * killed ({@code SIGKILL}) mid-run. Every application node gets the whole cluster as its {@code brokerUrl} list, its
 * own node first. The targets: a caller or gateway whose node died works again through another node within 2 s;
 * calls in flight at the kill fail or succeed, none gets a wrong reply, none ends later than its timeout + 1 s.
 * The measured times are logged ({@code Failover:} lines) for docs/production.md.
 */
class BrokerClusterIT {

    @RegisterExtension
    static final SharedRabbitMqCluster CLUSTER = new SharedRabbitMqCluster();

    private static final Duration FAILOVER_TARGET = Duration.ofSeconds(2);
    private static final long REQUEST_TIMEOUT_MILLIS = 2000;
    private static final int IN_FLIGHT = 16;
    /** Calls that must go right before a kill, and again after it. */
    private static final int WARM_CALLS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(BrokerClusterIT.class);

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void aCallerWhoseNodeIsKilledCallsAgainThroughAnotherNodeWithinTwoSeconds() throws Exception {
        closer.add(gateway(2));
        RrpcNode onNode0 = closer.add(caller("caller0", 0));
        RrpcNode onNode1 = closer.add(caller("caller1", 1));
        SteadyCalls calls0 = SteadyCalls.start(onNode0, "direct:call", IN_FLIGHT);
        SteadyCalls calls1 = SteadyCalls.start(onNode1, "direct:call", IN_FLIGHT);
        awaitSuccesses(calls0, WARM_CALLS);
        awaitSuccesses(calls1, WARM_CALLS);

        long killed = System.nanoTime();
        CLUSTER.cluster().kill(1);
        SteadyCalls.Call first = awaitFirstSuccessAfter(calls1, killed);
        awaitSuccesses(calls1, calls1.successes() + WARM_CALLS);
        List<SteadyCalls.Call> of0 = calls0.stop();
        List<SteadyCalls.Call> of1 = calls1.stop();

        long failover = TimeUnit.NANOSECONDS.toMillis(first.completedNanos() - killed);
        LOG.info("Failover: a caller on the killed node completed a call through another node {} ms after the kill "
                 + "({} of its calls failed meanwhile; the caller on a live node: {} failed of {})", failover,
                failures(of1), failures(of0), of0.size());
        assertThat(failover).as("ms from the kill to a call through another node").isLessThanOrEqualTo(
                FAILOVER_TARGET.toMillis());
        assertRightOrFailedInTime(of0, killed);
        assertRightOrFailedInTime(of1, killed);
        assertThat(failures(of0)).as("failed calls of the caller on a live node").isZero();
        assertThat(onNode1.connection().currentBroker()).isEqualTo(CLUSTER.cluster().brokerUrl(2));
    }

    @Test
    void aGatewayWhoseNodeIsKilledServesAgainFromAnotherNodeWithinTwoSeconds() throws Exception {
        AtomicLong lastServed = new AtomicLong();
        closer.add(RrpcNode.create("gateway1", CLUSTER.brokerUrlsFrom(1), BrokerClusterIT::quickFailover)
                .routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+").process(e -> lastServed.set(System.nanoTime())))
                .start());
        RrpcNode onNode0 = closer.add(caller("caller0", 0));
        SteadyCalls calls = SteadyCalls.start(onNode0, "direct:call", IN_FLIGHT);
        awaitSuccesses(calls, WARM_CALLS);

        long killed = System.nanoTime();
        CLUSTER.cluster().kill(1);
        await("the gateway serves again").atMost(Duration.ofSeconds(30)).until(() -> lastServed.get() > killed
                && calls.firstSuccessStartedAfter(killed).isPresent());
        long served = TimeUnit.NANOSECONDS.toMillis(lastServed.get() - killed);
        SteadyCalls.Call first = awaitFirstSuccessAfter(calls, killed);
        awaitSuccesses(calls, calls.successes() + WARM_CALLS);
        List<SteadyCalls.Call> all = calls.stop();

        long failover = TimeUnit.NANOSECONDS.toMillis(first.completedNanos() - killed);
        LOG.info("Failover: a gateway on the killed node served again from another node {} ms after the kill; a caller "
                 + "got its first answer {} ms after it ({} calls lost meanwhile)", served, failover, failures(all));
        assertThat(failover).as("ms from the kill to an answer from the gateway on another node")
                .isLessThanOrEqualTo(FAILOVER_TARGET.toMillis());
        assertRightOrFailedInTime(all, killed);
    }

    /** Serves every device of product P from a node of the cluster. */
    private static RrpcNode gateway(int node) throws Exception {
        return RrpcNode.create("gateway" + node, CLUSTER.brokerUrlsFrom(node), BrokerClusterIT::quickFailover)
                .routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+"))
                .start();
    }

    private static RrpcNode caller(String name, int node) throws Exception {
        return RrpcNode.create(name, CLUSTER.brokerUrlsFrom(node), c -> {
            quickFailover(c);
            c.setMaxConcurrentCallsPerDevice(0);
            c.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        }).routes(r -> r.from("direct:call").to("rrpc:P/dev0")).start();
    }

    private static void quickFailover(RrpcConfiguration configuration) {
        configuration.setTransport(TransportUnderTest.transport());
    }

    private static void awaitSuccesses(SteadyCalls calls, int successes) {
        await().atMost(Duration.ofSeconds(60)).until(() -> calls.successes() >= successes);
    }

    private static SteadyCalls.Call awaitFirstSuccessAfter(SteadyCalls calls, long nanos) {
        return await("a call that went right after the kill").atMost(Duration.ofSeconds(30))
                .until(() -> calls.firstSuccessStartedAfter(nanos), java.util.Optional::isPresent).orElseThrow();
    }

    private static long failures(List<SteadyCalls.Call> calls) {
        return calls.stream().filter(call -> !call.succeeded()).count();
    }

    /** No call got a wrong answer; those in flight at the kill ended within their timeout + 1 s. */
    private static void assertRightOrFailedInTime(List<SteadyCalls.Call> calls, long killed) {
        assertThat(calls).as("calls that got a wrong answer")
                .noneMatch(call -> call.failure() == null && !call.right());
        assertThat(calls.stream().filter(call -> call.inFlightAt(killed)))
                .as("calls in flight at the kill, ended later than their timeout + 1 s")
                .allSatisfy(call -> assertThat(call.millis()).isLessThanOrEqualTo(REQUEST_TIMEOUT_MILLIS + 1000));
    }
}
