package io.camelrrpc.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelrrpc.component.internal.correlation.CorrelationStatistics;
import io.camelrrpc.component.internal.mqtt.MqttTransport;
import io.camelrrpc.component.spi.RrpcAddress;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A raw MQTT client throws thousands of random but publishable messages at the request and reply topics of a
 * running context: unknown, empty and over-long processIds, extra and missing levels, wrong products and devices,
 * bytes that are not UTF-8, empty and large payloads. Everything must be counted and dropped, calls waiting
 * meanwhile must get their own reply and nothing else, and the connection must stay up.
 */
class WireFuzzIT extends RrpcTestSupport {

    private static final long SEED = 0x5EED_2024L;
    private static final int MESSAGES = 3000;
    private static final int MAX_PAYLOAD = 64 * 1024;
    private static final int WAITING_CALLS = 3;
    private static final int BATCH = 50;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.getComponent("rrpc", RrpcComponent.class).getConfiguration().setMaxPayloadSize(MAX_PAYLOAD);
        return camelContext;
    }

    /** A connection that went deaf takes the client's disconnect timeout to stop: do not wait Camel's 10 s on top. */
    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withShutdownTimeout(2);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("rrpc:P/D?requestTimeout=30000");
                RrpcNode.echoingDevices(this, "rrpc:P/+");
            }
        };
    }

    @Test
    void randomTrafficIsDroppedAndCountedWhileRealCallsGoOn() throws Exception {
        MqttTransport connection = rrpc().transports().get(0);
        AtomicInteger connectionsLost = countConnectionsLost(connection);
        CorrelationStatistics stats = correlator().statistics();

        try (FakeDevice fuzzer = FakeDevice.start(broker.getBrokerUrl(), "SLOW", "+")) {
            List<CompletableFuture<Exchange>> waiting = new ArrayList<>();
            List<FakeDevice.Request> requests = new ArrayList<>();
            for (int i = 0; i < WAITING_CALLS; i++) {
                waiting.add(template.asyncSend("direct:call", callTo("SLOW", "dev" + i)));
                requests.add(fuzzer.nextRequest());
            }

            Fuzz fuzz = new Fuzz(new Random(SEED), requests.stream().map(FakeDevice.Request::address).toList());
            for (int i = 0; i < MESSAGES; i++) {
                Fuzz.Message message = fuzz.next();
                fuzzer.publishWithoutWaiting(message.topic(), message.payload());
                if (i % BATCH == BATCH - 1) {
                    awaitBrokerCaughtUp(fuzzer, i);
                }
            }

            // the broker delivers a publisher's messages in order: each reply comes after all the fuzz
            for (int i = 0; i < WAITING_CALLS; i++) {
                answer(fuzzer, requests.get(i), waiting.get(i), "answer " + i);
                assertThat(RrpcNode.replyText(waiting.get(i).get())).isEqualTo("answer " + i);
            }
        }

        assertThat(RrpcNode.replyText(template.request("direct:call", e -> e.getIn().setBody("still there?"))))
                .isEqualTo("D:still there?");
        assertThat(rrpc().transports()).containsExactly(connection);
        assertThat(connection.isConnected()).isTrue();
        assertThat(connection.isHealthy()).isTrue();
        assertThat(connectionsLost).as("connections lost during the fuzz").hasValue(0);
        assertThat(stats.replies()).isEqualTo(WAITING_CALLS + 1);
        assertThat(stats.unmatchedReplies()).as("unmatched replies").isPositive();
        assertThat(stats.misaddressedReplies()).as("misaddressed replies").isPositive();
        await().until(() -> correlator().pendingCalls() == 0 && correlator().busyDevices() == 0);
    }

    /**
     * A device written in C may use any UTF-8 character in a topic, e.g. an emoji (outside the Basic Multilingual
     * Plane), a full-width '！' (U+FF01) or a noncharacter (U+FDD0, which MQTT only advises against). Such a message on
     * one of our subscriptions must be dropped like any other reply no call waits for, and calls must go on.
     */
    @ParameterizedTest
    @ValueSource(ints = { 0x1F600, 0xFF01, 0xFDD0 })
    void topicsWithAnyUnicodeCharacterDoNotStopTheConnection(int codePoint) throws Exception {
        MqttTransport connection = rrpc().transports().get(0);
        AtomicInteger connectionsLost = countConnectionsLost(connection);
        String character = new String(Character.toChars(codePoint));

        try (RawMqttPublisher device = RawMqttPublisher.connect(broker.getBrokerUrl(), "raw-device")) {
            device.publish("$rrpc/txd/P/D/" + character, "reply to nobody".getBytes(StandardCharsets.UTF_8));
        }

        Exchange call = template.request("direct:call", e -> {
            e.getIn().setBody("after " + character);
            e.getIn().setHeader(RrpcConstants.REQUEST_TIMEOUT, 2000);
        });
        assertThat(RrpcNode.replyText(call)).isEqualTo("D:after " + character);
        assertThat(connection.isHealthy()).isTrue();
        assertThat(connectionsLost).hasValue(0);
    }

    /**
     * A device name that is not Unicode text (a lone UTF-16 surrogate has no UTF-8 form, so MQTT cannot carry it) must
     * fail its own call at once, not the shared connection with every other call on it; a device name in full-width
     * letters (U+FF00 and up) is just a name.
     */
    @Test
    void deviceNameWithoutUtf8FormFailsOnlyItsOwnCall() throws Exception {
        MqttTransport connection = rrpc().transports().get(0);
        AtomicInteger connectionsLost = countConnectionsLost(connection);
        CompletableFuture<Exchange> bystander = template.asyncSend("direct:call", callTo("SLOW", "dev0"));
        await().until(() -> correlator().pendingCalls() == 1);

        Exchange broken = template.request("direct:call", callTo("P", "dev\uD800"));
        Exchange fullWidth = template.request("direct:call", callTo("P", "\uFF44\uFF45\uFF56\uFF11")); // "ｄｅｖ１"

        assertThat(broken.getException()).as("the call to a name without UTF-8 form")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone UTF-16 surrogate U+D800");
        assertThat(RrpcNode.replyText(fullWidth)).as("the device's echo").startsWith("\uFF44\uFF45\uFF56\uFF11:");
        // the connection may drop a moment after the odd call failed: watch for a second
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(connectionsLost).as("connections lost").hasValue(0);
            assertThat(bystander).as("another call waiting on the same connection").isNotDone();
        });
    }

    /**
     * Brokers deliver topics with an empty level to a '+' filter (MQTT 3.1.1, 4.7.1.3; mosquitto and Moquette both
     * do): they reach our subscriptions and must be counted like any other topic that does not fit the template.
     */
    @Test
    void topicsWithAnEmptyLevelAreCounted() throws Exception {
        CorrelationStatistics stats = correlator().statistics();
        try (FakeDevice publisher = FakeDevice.start(broker.getBrokerUrl(), "NONE", "NONE")) {
            for (String topic : List.of("$rrpc/txd/P/D/", "$rrpc/txd/P//1", "$rrpc/txd//D/1", "$rrpc/rxd/P/D/",
                    "$rrpc/rxd/P//1")) {
                publisher.publish(topic, new byte[] { 1 });
            }
            // one connection delivers a publisher's messages in order: once this one is counted, all were handled
            publisher.publish("$rrpc/txd/P/D/last", new byte[] { 2 });
            await().until(() -> stats.unmatchedReplies() == 1);
        }

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(stats.malformedReplies()).as("malformed replies").isEqualTo(3);
        softly.assertThat(gateway().getDroppedRequests()).as("requests the consumer dropped").isEqualTo(2);
        softly.assertAll();
    }

    /**
     * Waits for the fuzzer's own message to come back through the broker, hence for everything it sent before, so
     * that a burst never overflows the broker's queues (Moquette drops messages then).
     */
    private static void awaitBrokerCaughtUp(FakeDevice fuzzer, int sent) throws Exception {
        fuzzer.publish("$rrpc/rxd/SLOW/barrier/" + sent, new byte[0]);
        assertThat(fuzzer.nextRequest().address().processId()).isEqualTo(String.valueOf(sent));
    }

    /**
     * Replies until the call completes: Moquette silently drops a message for a receiver whose outbound buffer is
     * over Netty's high-water mark ({@code sendIfWritableElseDrop}), which the fuzz's large payloads can cause on a
     * busy machine. Extra copies are unmatched replies.
     */
    private static void answer(FakeDevice device, FakeDevice.Request request, CompletableFuture<Exchange> call,
                               String reply) {
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!call.isDone()) {
                device.reply(request, reply);
            }
            return call.isDone();
        });
    }

    private static AtomicInteger countConnectionsLost(MqttTransport connection) {
        AtomicInteger lost = new AtomicInteger();
        connection.addListener(cause -> lost.incrementAndGet());
        return lost;
    }

    private RrpcConsumer gateway() {
        return context.getRoutes().stream().map(r -> r.getConsumer()).filter(RrpcConsumer.class::isInstance)
                .map(RrpcConsumer.class::cast).findFirst().orElseThrow();
    }

    private static Processor callTo(String productId, String deviceName) {
        return e -> e.getIn().setHeaders(Map.of(RrpcConstants.PRODUCT_ID, productId, RrpcConstants.DEVICE_NAME, deviceName));
    }

    /** Random messages for the RRPC topics, reproducible from the seed. Topics are valid UTF-8 without wildcards. */
    private static final class Fuzz {

        /** Letters, digits, punctuation, '$', space and 2- and 3-byte UTF-8 characters; not '/', '+', '#' and NUL. */
        private static final int[] CODE_POINTS = "abcXYZ019-_.~ $%&'()*,;=:@!?ü温°€".codePoints().toArray();

        record Message(String topic, byte[] payload) {
        }

        private final Random random;
        private final List<RrpcAddress> waitingCalls;

        Fuzz(Random random, List<RrpcAddress> waitingCalls) {
            this.random = random;
            this.waitingCalls = waitingCalls;
        }

        Message next() {
            return switch (random.nextInt(9)) {
                case 0 -> reply("P", "D", id());                                      // no call waits for it
                case 1 -> reply(level(), level(), id());                              // unknown device and id
                // a waiting call's id from another device; each is logged as a warning, so only now and then
                case 2 -> random.nextInt(4) == 0 ? misaddressedReply() : reply("P", level(), id());
                case 3 -> reply(maybeEmpty("P"), maybeEmpty("D"), "");                // empty levels: malformed
                case 4 -> message("$rrpc/txd/" + levels(random.nextInt(7)));         // extra or missing levels
                case 5 -> request("P", level(), id());                                // to the gateway, any device
                case 6 -> request(notSlow(level()), "D", id());                       // to a product no one serves
                case 7 -> message("$rrpc/rxd/" + levels(random.nextInt(7)));         // malformed requests
                default -> message(random.nextBoolean() ? "$rrpc/" + levels(1 + random.nextInt(3)) : levels(5));
            };
        }

        private Message reply(String productId, String deviceName, String processId) {
            return message("$rrpc/txd/" + productId + "/" + deviceName + "/" + processId);
        }

        private Message request(String productId, String deviceName, String processId) {
            return message("$rrpc/rxd/" + productId + "/" + deviceName + "/" + processId);
        }

        private Message misaddressedReply() {
            RrpcAddress call = waitingCalls.get(random.nextInt(waitingCalls.size()));
            return random.nextBoolean()
                    ? reply(call.productId() + "x", call.deviceName(), call.processId())
                    : reply(call.productId(), call.deviceName() + level() + "x", call.processId());
        }

        private Message message(String topic) {
            return new Message(topic, payload());
        }

        /** Mostly short ids; a third longer than the 16 bytes devices accept. */
        private String id() {
            return text(random.nextInt(3) == 0 ? 17 + random.nextInt(24) : random.nextInt(17));
        }

        private String level() {
            return text(random.nextInt(12));
        }

        private String levels(int count) {
            List<String> levels = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                levels.add(level());
            }
            return String.join("/", levels);
        }

        private String maybeEmpty(String level) {
            return random.nextBoolean() ? "" : level;
        }

        /** The fuzzer listens on SLOW's request topics; it must not hear itself. */
        private static String notSlow(String productId) {
            return "SLOW".equals(productId) ? "SLOW_" : productId;
        }

        private String text(int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
            }
            return text.toString();
        }

        /** Empty, text, bytes that are not UTF-8, and now and then more than maxPayloadSize. */
        private byte[] payload() {
            int kind = random.nextInt(100);
            if (kind < 20) {
                return new byte[0];
            }
            if (kind < 40) {
                return text(random.nextInt(64)).getBytes(StandardCharsets.UTF_8);
            }
            byte[] bytes = new byte[kind < 99 ? 1 + random.nextInt(2048) : MAX_PAYLOAD + random.nextInt(MAX_PAYLOAD)];
            random.nextBytes(bytes);
            bytes[0] = (byte) 0xC0; // never valid in UTF-8
            return bytes;
        }
    }
}
