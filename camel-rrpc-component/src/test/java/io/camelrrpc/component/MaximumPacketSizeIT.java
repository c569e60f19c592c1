package io.camelrrpc.component;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * maxPayloadSize on the wire, through rrpc endpoints on Debian mosquitto. On MQTT 5 the CONNECT
 * tells the broker the largest packet it may send us: maxPayloadSize plus headroom for fixed header, topic and
 * properties. The broker then drops a larger reply instead of sending it, so its call times out, and a huge message
 * from a device never reaches our memory. A reply over maxPayloadSize but within the headroom still arrives and fails
 * its call at once, as every oversized reply does on MQTT 3.1.1, where the broker cannot be told.
 */
class MaximumPacketSizeIT extends MosquittoClientsTestSupport {

    private static final int LIMIT = 1024;
    /** Over LIMIT plus any headroom for headers. */
    private static final int FAR_OVER = 200_000;
    /** Over LIMIT, but within the headroom. */
    private static final int SLIGHTLY_OVER = 2 * LIMIT;
    private static final Map<String, Object> SHORT_TIMEOUT = Map.of(RrpcConstants.REQUEST_TIMEOUT, 700);

    /** Devices of product P: each answers a request "n" with n zero bytes (MQTT 3.1.1, as a device would). */
    private static RrpcNode devices;

    @BeforeAll
    static void startDevices() throws Exception {
        devices = RrpcNode.create("devices", broker.getBrokerUrl(), c -> c.setMaxPayloadSize(FAR_OVER))
                .routes(r -> r.from("rrpc:P/+").process(e -> e.getMessage()
                        .setBody(new byte[Integer.parseInt(e.getIn().getBody(String.class))])))
                .start();
    }

    @AfterAll
    static void stopDevices() {
        if (devices != null) {
            devices.close();
        }
    }

    @Test
    void mqtt5BrokerDropsAReplyOverTheMaximumPacketSizeSoItsCallTimesOut() {
        node = caller("5").start();
        String uri = "rrpc:P/lamp?maxPayloadSize=" + LIMIT;
        Exchange fits = node.request(uri, String.valueOf(LIMIT));
        ConnectionEvents events = ConnectionEvents.of(node.connection());

        Exchange farOver = node.request(uri, String.valueOf(FAR_OVER), SHORT_TIMEOUT);
        Exchange slightlyOver = node.request(uri, String.valueOf(SLIGHTLY_OVER));

        assertThat(fits.getMessage().getBody(byte[].class)).hasSize(LIMIT);
        assertThat(farOver.getException()).isInstanceOf(RrpcTimeoutException.class);
        assertThat(slightlyOver.getException()).isInstanceOf(RrpcPayloadTooLargeException.class)
                .hasMessageContaining("reply of " + SLIGHTLY_OVER + " bytes exceeds maxPayloadSize " + LIMIT);
        assertThat(node.correlator().statistics().oversizedReplies()).as("only the reply that came").isOne();
        assertThat(events.lost).hasValue(0);
    }

    @Test
    void withoutMqtt5AnOversizedReplyArrivesAndFailsItsCallAtOnce() {
        node = caller("3.1.1").start();

        Exchange farOver = node.request("rrpc:P/lamp?maxPayloadSize=" + LIMIT + "&requestTimeout=10000",
                String.valueOf(FAR_OVER));

        assertThat(farOver.getException()).isInstanceOf(RrpcPayloadTooLargeException.class)
                .hasMessageContaining("reply of " + FAR_OVER + " bytes exceeds maxPayloadSize " + LIMIT);
        assertThat(node.correlator().statistics().oversizedReplies()).isOne();
    }

    /**
     * The broker applies one Maximum Packet Size per connection: on MQTT 5, endpoints with different maxPayloadSize
     * get a connection each, so each gets what its own limit allows. Without MQTT 5 they share one.
     */
    @ParameterizedTest(name = "MQTT {0}: {1} connection(s)")
    @CsvSource({ "5, 2", "3.1.1, 1" })
    void endpointsWithAnotherMaxPayloadSizeShareAConnectionOnlyWithoutMqtt5(String version, int connections) {
        node = caller(version).start();

        Exchange large = node.request("rrpc:P/lamp?maxPayloadSize=" + FAR_OVER, String.valueOf(FAR_OVER));
        Exchange small = node.request("rrpc:P/lamp?maxPayloadSize=" + LIMIT, String.valueOf(LIMIT));

        assertThat(large.getMessage().getBody(byte[].class)).hasSize(FAR_OVER);
        assertThat(small.getMessage().getBody(byte[].class)).hasSize(LIMIT);
        assertThat(node.component().getConnections()).hasSize(connections);
    }

    /** One client id cannot have two connections: on MQTT 5 the second endpoint is refused, saying why. */
    @Test
    void mqtt5EndpointsWithOneClientIdMustAgreeOnMaxPayloadSize() throws Exception {
        node = caller("5").routes(r -> {
            r.from("direct:small").to("rrpc:P/lamp?clientId=fixed-caller&maxPayloadSize=" + LIMIT);
            r.from("direct:large").to("rrpc:P/lamp?clientId=fixed-caller&maxPayloadSize=" + FAR_OVER);
        });

        assertThatThrownBy(node::start).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("use clientId 'fixed-caller'")
                .hasMessageContaining("differ in maxPayloadSize")
                .hasMessageContaining("Maximum Packet Size");
    }

    /**
     * A device publishes 64 MB to a consumer's request topic on MQTT 5: the broker drops it for us, so the JVM never
     * allocates it (heap allocated by all threads meanwhile, measured per thread), and the consumer never sees it.
     */
    @Test
    void aHugeMessageFromADeviceNeverReachesOurMemoryOnMqtt5() throws Exception {
        BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        node = caller("5")
                .routes(r -> r.from("rrpc:M/+").process(e -> requests.add(e.getIn().getBody(String.class))))
                .start();
        int huge = 64 * 1024 * 1024;

        Map<Long, Long> before = allocatedBytesByThread();
        try (RawMqttPublisher device = RawMqttPublisher.connectMqtt5(broker.getBrokerUrl(), "huge-device")) {
            device.publishZeros("$rrpc/rxd/M/huge/0000000000000001", huge);
            device.publish("$rrpc/rxd/M/huge/0000000000000002", HiveMqDollarTopicsIT.text("small"));
            // one publisher's messages arrive in order: once the small one is here, the huge one is not coming
            assertThat(requests.poll(10, TimeUnit.SECONDS)).isEqualTo("small");
        }
        long allocated = allocatedSince(before);

        System.out.printf("Heap allocated while a device sent %d bytes to an MQTT 5 consumer: %d bytes%n", huge,
                allocated);
        assertThat(allocated).as("heap allocated by all threads").isLessThan(huge / 8);
        assertThat(requests).isEmpty();
        assertThat(((RrpcConsumer) node.context().getRoutes().get(0).getConsumer()).getDroppedRequests()).isZero();
    }

    private static RrpcNode caller(String version) {
        return RrpcNode.create("caller", broker.getBrokerUrl(), c -> {
            c.setProtocolVersion(version);
            c.setRequestTimeout(5000);
            c.setAfterTimeoutDelay(0);
        });
    }

    private static Map<Long, Long> allocatedBytesByThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }

    /** Bytes allocated since {@code before} by the threads alive now (new ones from their start). */
    private static long allocatedSince(Map<Long, Long> before) {
        return allocatedBytesByThread().entrySet().stream()
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }
}
