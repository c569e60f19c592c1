package io.camelrrpc.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
    /** Calls sent at this pace whatever became of the earlier ones: they tell when a gateway serves again. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(20);
    private static final long PROBE_TIMEOUT_MILLIS = 1000;
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

        Outcome outcome = killUnderLoad(1, calls1, calls1, calls0);
        List<SteadyCalls.Call> of1 = outcome.calls().get(0);
        List<SteadyCalls.Call> of0 = outcome.calls().get(1);

        LOG.info("Failover: a caller on the killed node completed a call through another node {} ms after the kill; "
                 + "its calls in flight at the kill: {}; the caller on a live node: {} failed of {}",
                outcome.failoverMillis(), inFlightOutcomes(of1, outcome.kill()), failures(of0), of0.size());
        assertWithinTarget(outcome.failoverMillis());
        assertRightOrFailedInTime(of0, outcome.kill(), REQUEST_TIMEOUT_MILLIS);
        assertRightOrFailedInTime(of1, outcome.kill(), REQUEST_TIMEOUT_MILLIS);
        assertThat(failures(of0)).as("failed calls of the caller on a live node").isZero();
        assertThat(onNode1.component().getConnectionStatuses().get(0).details())
                .containsEntry("broker.current", CLUSTER.cluster().brokerUrl(2)).containsEntry("failovers", 1L);
    }

    @Test
    void aGatewayWhoseNodeIsKilledServesAgainFromAnotherNodeWithinTwoSeconds() throws Exception {
        RrpcNode gateway = closer.add(gateway(1));
        RrpcNode onNode0 = closer.add(caller("caller0", 0)
                .routes(r -> r.from("direct:probe").to("rrpc:P/dev0?requestTimeout=" + PROBE_TIMEOUT_MILLIS)));
        SteadyCalls calls = SteadyCalls.start(onNode0, "direct:call", IN_FLIGHT);
        // the steady calls lost with the gateway's node all time out together: new requests come from the probes
        SteadyCalls probes = SteadyCalls.paced(onNode0, "direct:probe", PROBE_INTERVAL);
        awaitSuccesses(calls, WARM_CALLS);

        Outcome outcome = killUnderLoad(1, probes, calls, probes);
        List<SteadyCalls.Call> all = outcome.calls().get(0);

        LOG.info("Failover: a gateway on the killed node answered a request sent after the kill {} ms after the kill "
                 + "(a probe every {} ms); the caller's calls in flight at the kill: {}", outcome.failoverMillis(),
                PROBE_INTERVAL.toMillis(), inFlightOutcomes(all, outcome.kill()));
        assertWithinTarget(outcome.failoverMillis());
        assertRightOrFailedInTime(all, outcome.kill(), REQUEST_TIMEOUT_MILLIS);
        assertRightOrFailedInTime(outcome.calls().get(1), outcome.kill(), PROBE_TIMEOUT_MILLIS);
        assertThat(gateway.component().getConnectionStatuses().get(0).details())
                .containsEntry("broker.current", CLUSTER.cluster().brokerUrl(2)).containsEntry("failovers", 1L);
    }

    /** Serves every device of product P from a node of the cluster. */
    private static RrpcNode gateway(int node) throws Exception {
        return RrpcNode.create("gateway" + node, CLUSTER.brokerUrlsFrom(node))
                .routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+"))
                .start();
    }

    private static RrpcNode caller(String name, int node) throws Exception {
        return RrpcNode.create(name, CLUSTER.brokerUrlsFrom(node), c -> {
            c.setMaxConcurrentCallsPerDevice(0);
            c.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        }).routes(r -> r.from("direct:call").to("rrpc:P/dev0")).start();
    }

    private static void awaitSuccesses(SteadyCalls calls, int successes) {
        await().atMost(Duration.ofSeconds(30)).until(() -> calls.successes() >= successes);
    }

    /**
     * Kills a node while calls go on: waits for a call of {@code measured} sent after the kill to go right, then
     * for {@code recovering} to make {@value #WARM_CALLS} more calls right, and stops it and the other loads.
     */
    private static Outcome killUnderLoad(int node, SteadyCalls measured, SteadyCalls recovering,
                                         SteadyCalls... others) throws InterruptedException {
        Kill kill = Kill.node(node);
        long failover = kill.millisToSuccessOf(measured);
        awaitSuccesses(recovering, recovering.successes() + WARM_CALLS);
        List<List<SteadyCalls.Call>> calls = new ArrayList<>(List.of(recovering.stop()));
        for (SteadyCalls other : others) {
            calls.add(other.stop());
        }
        return new Outcome(kill, failover, calls);
    }

    /**
     * What a kill did.
     *
     * @param calls the calls of the recovering load, then of each other load
     */
    private record Outcome(Kill kill, long failoverMillis, List<List<SteadyCalls.Call>> calls) {
    }

    private static void assertWithinTarget(long failoverMillis) {
        assertThat(failoverMillis).as("ms from the kill to a call that went right through another node")
                .isLessThanOrEqualTo(FAILOVER_TARGET.toMillis());
    }

    private static long failures(List<SteadyCalls.Call> calls) {
        return calls.stream().filter(call -> !call.succeeded()).count();
    }

    /** From just before a node was killed until its process was gone. */
    private record Kill(long startedNanos, long doneNanos) {

        static Kill node(int node) {
            long started = System.nanoTime();
            CLUSTER.cluster().kill(node);
            return new Kill(started, System.nanoTime());
        }

        /** Waits for a call sent after the kill to go right: how long after the kill's start it completed. */
        long millisToSuccessOf(SteadyCalls calls) {
            SteadyCalls.Call first = await("a call that went right after the kill").atMost(Duration.ofSeconds(10))
                    .until(() -> calls.firstSuccessStartedAfter(doneNanos), Optional::isPresent).orElseThrow();
            return TimeUnit.NANOSECONDS.toMillis(first.completedNanos() - startedNanos);
        }

        /** Whether the call was in flight while the node died. */
        boolean caught(SteadyCalls.Call call) {
            return call.inFlightDuring(startedNanos, doneNanos);
        }
    }

    /** How the calls in flight at the kill ended: e.g. {@code 16 (ok=3, RrpcConnectionLostException=13, slowest 12 ms)}. */
    private static String inFlightOutcomes(List<SteadyCalls.Call> calls, Kill kill) {
        List<SteadyCalls.Call> inFlight = calls.stream().filter(kill::caught).toList();
        Map<String, Long> outcomes = inFlight.stream().collect(Collectors.groupingBy(
                call -> call.failure() == null ? "ok" : call.failure().getClass().getSimpleName(), TreeMap::new,
                Collectors.counting()));
        long slowest = inFlight.stream().mapToLong(SteadyCalls.Call::millis).max().orElse(0);
        return inFlight.size() + " " + outcomes + ", the longest took " + slowest + " ms";
    }

    /** No call got a wrong answer; those in flight at the kill ended within their timeout + 1 s. */
    private static void assertRightOrFailedInTime(List<SteadyCalls.Call> calls, Kill kill, long timeoutMillis) {
        assertThat(calls).as("calls that got a wrong answer")
                .noneMatch(call -> call.failure() == null && !call.right());
        assertThat(calls.stream().filter(kill::caught))
                .as("calls in flight at the kill, ended later than their timeout + 1 s")
                .allSatisfy(call -> assertThat(call.millis()).isLessThanOrEqualTo(timeoutMillis + 1000));
    }
}
