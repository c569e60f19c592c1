package io.camelrrpc.component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelrrpc.broker.EmbeddedMqttBroker;
import io.camelrrpc.broker.MosquittoBroker;
import io.camelrrpc.component.internal.correlation.CorrelationStatistics;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two calling nodes (separate CamelContexts, so separate connections, client ids and processId prefixes) call the
 * same devices at the same time through a third node's gateway. Each node's reply subscription also receives the
 * other node's replies: it must drop them, and every reply must reach the call that made it.
 */
class SeveralNodesIT {

    private static final int CALLS_PER_NODE = 500;
    private static final int DEVICES = 20;
    /**
     * Calls of both nodes in flight at once. Moquette silently drops messages to a client whose unflushed output is
     * over Netty's 64 KiB high-water mark; a thousand ~50-byte replies at once would come close.
     */
    private static final int MAX_IN_FLIGHT = 400;

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void twoNodesOnOneBrokerEachGetExactlyTheirOwnReplies() throws Exception {
        EmbeddedMqttBroker broker = closer.add(EmbeddedMqttBroker.builder().start());
        closer.add(gateway(broker.getBrokerUrl()));
        RrpcNode a = closer.add(caller("A", broker.getBrokerUrl()));
        RrpcNode b = closer.add(caller("B", broker.getBrokerUrl()));

        assertEveryCallGetsItsOwnReply(a, b);
    }

    @Test
    void twoNodesAcrossBridgedMosquittoBrokersEachGetExactlyTheirOwnReplies() throws Exception {
        assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed");
        MosquittoBroker broker1 = closer.add(MosquittoBroker.builder().start());
        MosquittoBroker broker2 = closer.add(MosquittoBroker.builder().bridgeTo(broker1).start());
        AtomicLong answered = new AtomicLong();
        closer.add(RrpcNode.create("gateway", broker2.getBrokerUrl())
                .routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+").process(exchange -> answered.incrementAndGet()))
                .start());
        RrpcNode a = closer.add(caller("A", broker1.getBrokerUrl()));
        RrpcNode b = closer.add(caller("B", broker2.getBrokerUrl()));
        long unmatchedByB = b.correlator().statistics().unmatchedReplies();
        // the bridge connects a few seconds after broker 2 started; a call from A crosses it both ways. Until then a
        // probe is lost, not late: its timeout is long enough that no probe's reply is still underway when the
        // measured calls start
        await("a call across the bridge").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> a.request("direct:call", "probe", Map.of(RrpcConstants.REQUEST_TIMEOUT, 2000))
                        .getException() == null);
        // B, on the gateway's broker, hears every probe reply as unmatched, maybe after A had its own: wait for it
        await("B heard every probe reply").atMost(Duration.ofSeconds(10)).until(
                () -> b.correlator().statistics().unmatchedReplies() - unmatchedByB == answered.get());

        assertEveryCallGetsItsOwnReply(a, b);
    }

    /** Serves every device of product P: answers {@code <device>:<request>}. */
    private static RrpcNode gateway(String brokerUrl) throws Exception {
        return RrpcNode.create("gateway", brokerUrl)
                .routes(r -> RrpcNode.echoingDevices(r, "rrpc:P/+"))
                .start();
    }

    /** Calls devices of P with no per-device limit, so calls of both nodes overlap on every device. */
    private static RrpcNode caller(String name, String brokerUrl) throws Exception {
        return RrpcNode.create(name, brokerUrl, c -> {
            c.setMaxConcurrentCallsPerDevice(0);
            c.setRequestTimeout(20_000);
        }).routes(r -> r.from("direct:call").to("rrpc:P/dev0")).start();
    }

    private static void assertEveryCallGetsItsOwnReply(RrpcNode a, RrpcNode b) throws Exception {
        Snapshot beforeA = new Snapshot(a.correlator().statistics());
        Snapshot beforeB = new Snapshot(b.correlator().statistics());
        Map<String, CompletableFuture<Exchange>> callsOfA = new LinkedHashMap<>();
        Map<String, CompletableFuture<Exchange>> callsOfB = new LinkedHashMap<>();
        Semaphore window = new Semaphore(MAX_IN_FLIGHT);
        for (int i = 0; i < CALLS_PER_NODE; i++) {
            call(a, i, callsOfA, window);
            call(b, i, callsOfB, window);
        }

        assertOwnReplies(a, callsOfA);
        assertOwnReplies(b, callsOfB);
        assertThat(prefix(a)).as("processId prefixes of the two nodes").isNotEqualTo(prefix(b));
        assertThat(a.connection().clientId()).isNotEqualTo(b.connection().clientId());
        assertOnlyOwnRepliesMatched(a, beforeA);
        assertOnlyOwnRepliesMatched(b, beforeB);
    }

    private static void call(RrpcNode node, int i, Map<String, CompletableFuture<Exchange>> calls, Semaphore window)
            throws InterruptedException {
        assertThat(window.tryAcquire(30, TimeUnit.SECONDS)).as("room for another call").isTrue();
        String requestId = String.format("%s-%04d", node, i);
        CompletableFuture<Exchange> call =
                node.asyncRequest("direct:call", requestId, Map.of(RrpcConstants.DEVICE_NAME, "dev" + i % DEVICES));
        call.whenComplete((exchange, failure) -> window.release());
        calls.put(requestId, call);
    }

    /** Every call got the gateway's answer to its own request, under a processId of its own node. */
    private static void assertOwnReplies(RrpcNode node, Map<String, CompletableFuture<Exchange>> calls) throws Exception {
        for (Map.Entry<String, CompletableFuture<Exchange>> call : calls.entrySet()) {
            Exchange exchange = call.getValue().get(30, TimeUnit.SECONDS);
            String device = exchange.getMessage().getHeader(RrpcConstants.DEVICE_NAME, String.class);
            assertThat(RrpcNode.replyText(exchange)).as("reply to %s", call.getKey()).isEqualTo(device + ":" + call.getKey());
            assertThat(exchange.getMessage().getHeader(RrpcConstants.PROCESS_ID, String.class)).startsWith(prefix(node));
        }
    }

    private static String prefix(RrpcNode node) {
        return node.component().nodePrefix();
    }

    /** The node matched its own replies and dropped every reply of the other node, and nothing else happened. */
    private static void assertOnlyOwnRepliesMatched(RrpcNode node, Snapshot before) {
        CorrelationStatistics stats = node.correlator().statistics();
        await(node + " drops the other node's replies").atMost(Duration.ofSeconds(10))
                .until(() -> stats.unmatchedReplies() - before.unmatched() >= CALLS_PER_NODE);
        assertThat(stats.unmatchedReplies() - before.unmatched()).as("%s: unmatched replies", node).isEqualTo(CALLS_PER_NODE);
        assertThat(stats.replies() - before.replies()).as("%s: replies", node).isEqualTo(CALLS_PER_NODE);
        assertThat(stats.timeouts() - before.timeouts()).as("%s: timeouts", node).isZero();
        assertThat(stats.misaddressedReplies()).as("%s: misaddressed replies", node).isZero();
        assertThat(stats.malformedReplies()).as("%s: malformed replies", node).isZero();
        assertThat(node.correlator().pendingCalls()).isZero();
    }

    /** Counters before the calls: the bridge test's probe calls came earlier. */
    private record Snapshot(long unmatched, long replies, long timeouts) {
        Snapshot(CorrelationStatistics stats) {
            this(stats.unmatchedReplies(), stats.replies(), stats.timeouts());
        }
    }
}
