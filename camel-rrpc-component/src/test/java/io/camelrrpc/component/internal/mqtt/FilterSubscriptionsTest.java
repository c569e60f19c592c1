package io.camelrrpc.component.internal.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of SUBSCRIBE and UNSUBSCRIBE packets per filter, and their batching, with packets the test answers one by
 * one (what crosses the wire is tested against brokers, on both transports, in DeviceSubscriptionRaceIT,
 * ReconnectAtScaleIT and HiveMqReconnectIT).
 */
class FilterSubscriptionsTest {

    private static final String FILTER = "$rrpc/txd/P/D/+";

    private final ScriptedPackets packets = new ScriptedPackets();
    private final FilterSubscriptions subscriptions = new FilterSubscriptions(packets, () -> true,
            filter -> new IllegalStateException("refused " + filter));

    @Test
    void filterReleasedWhileItsSubscribeIsInFlightIsUnsubscribedAfterTheSuback() {
        Subscription first = subscription();
        AtomicReference<Throwable> told = tell(first);
        subscriptions.unsubscribe(first);
        assertThat(told.get()).as("the waiting subscription is told it is gone").isNotNull();
        assertThat(packets.sent()).containsExactly("SUBSCRIBE " + FILTER);

        packets.answerNext(true);
        assertThat(packets.sent()).containsExactly("SUBSCRIBE " + FILTER, "UNSUBSCRIBE " + FILTER);
        packets.answerNext(true);
        assertThat(subscriptions.size()).isZero();
    }

    @Test
    void filterUsedAgainWhileItsUnsubscribeIsInFlightIsSubscribedAgainAfterTheUnsuback() {
        Subscription first = subscription();
        tell(first);
        packets.answerNext(true);
        subscriptions.unsubscribe(first);
        Subscription second = subscription();
        AtomicReference<Throwable> told = tell(second);
        assertThat(packets.sent()).containsExactly("SUBSCRIBE " + FILTER, "UNSUBSCRIBE " + FILTER);
        assertThat(told.get()).as("not told before the broker granted it again").isNull();
        assertThat(subscriptions.isGranted(second)).isTrue();

        packets.answerNext(true);
        assertThat(subscriptions.isGranted(second)).isFalse();
        assertThat(packets.sent()).containsExactly("SUBSCRIBE " + FILTER, "UNSUBSCRIBE " + FILTER, "SUBSCRIBE " + FILTER);
        packets.answerNext(true);
        assertThat(subscriptions.isGranted(second)).isTrue();
        assertThat(packets.inFlightOverlaps).isZero();
    }

    @Test
    void secondUserOfAGrantedFilterIsToldAtOnceAndTheFilterStaysUntilTheLastLeaves() {
        Subscription first = subscription();
        tell(first);
        packets.answerNext(true);
        Subscription second = subscription();
        CompletableFuture<Throwable> told = new CompletableFuture<>();
        subscriptions.subscribe(second, told::complete);
        assertThat(told).isCompletedWithValue(null);

        subscriptions.unsubscribe(first);
        assertThat(packets.sent()).containsExactly("SUBSCRIBE " + FILTER);
        subscriptions.unsubscribe(second);
        assertThat(packets.sent()).containsExactly("SUBSCRIBE " + FILTER, "UNSUBSCRIBE " + FILTER);
    }

    @Test
    void userAskingForAHigherQosSubscribesTheFilterAgainAtThatQos() {
        tell(subscription());
        packets.answerNext(true);
        Subscription atLeastOnce = Subscription.of(FILTER, 1, (topic, payload) -> { });
        AtomicReference<Throwable> told = tell(atLeastOnce);
        assertThat(packets.sent()).containsExactly("SUBSCRIBE " + FILTER, "SUBSCRIBE " + FILTER);
        assertThat(packets.sentPackets.get(1)).containsExactly(FILTER);
        assertThat(packets.lastQos).containsExactly(1);
        assertThat(told.get()).isNull();
        packets.answerNext(true);
        assertThat(subscriptions.isGranted(atLeastOnce)).isTrue();
        assertThat(packets.sent()).hasSize(2);
    }

    @Test
    void refusedFilterFailsItsWaitersAndIsForgotten() {
        Subscription first = subscription();
        AtomicReference<Throwable> told = tell(first);
        packets.answerNext(false);
        assertThat(told.get()).hasMessage("refused " + FILTER);
        assertThat(subscriptions.size()).isZero();
    }

    @Test
    void afterAReconnectFiltersAreRestoredManyPerPacketAndAnswersFromTheLostConnectionAreIgnored() {
        List<Subscription> devices = devices(250);
        devices.forEach(this::tell);
        Subscription late = subscription();
        AtomicReference<Throwable> lateTold = tell(late);
        while (packets.pending() > 1) {
            packets.answerNext(true);
        }
        assertThat(subscriptions.allRestored()).isTrue();

        subscriptions.connectionLost(new IllegalStateException("lost"));
        assertThat(lateTold.get()).as("a subscription still waiting when the connection dropped").hasMessage("lost");
        packets.answerNext(true); // the lost connection's SUBACK, for the late filter
        assertThat(subscriptions.isGranted(late)).isFalse();
        assertThat(subscriptions.allRestored()).isFalse();

        packets.clearSent();
        CompletableFuture<FilterSubscriptions.Restoration> restored = subscriptions.restore();
        assertThat(packets.sentPackets).hasSize(3).allSatisfy(packet -> assertThat(packet.length).isLessThanOrEqualTo(100));
        while (packets.pending() > 0) {
            packets.answerNext(true);
        }
        assertThat(restored).isCompleted();
        assertThat(restored.join().filters()).isEqualTo(250);
        assertThat(restored.join().packets()).isEqualTo(3);
        assertThat(restored.join().failed()).isEmpty();
        assertThat(subscriptions.allRestored()).isTrue();
        assertThat(devices).allSatisfy(device -> assertThat(subscriptions.isGranted(device)).isTrue());
    }

    @Test
    void packetsStayUnderTheByteLimit() {
        String longName = "x".repeat(1100); // three filters of 1,123 bytes fit a packet
        for (int i = 0; i < 10; i++) {
            Subscription device = Subscription.of("$rrpc/txd/" + longName + "/device" + i + "/+", 0, (t, p) -> { });
            tell(device);
            packets.answerNext(true);
        }
        subscriptions.connectionLost(new IllegalStateException("lost"));
        packets.clearSent();
        subscriptions.restore();
        assertThat(packets.sentPackets).hasSize(4).allSatisfy(packet -> assertThat(
                Arrays.stream(packet).mapToInt(filter -> filter.length() + 3).sum())
                .isLessThanOrEqualTo(SubscribeBatches.MAX_BYTES));
    }

    @Test
    void filtersRestoredOrUnsubscribedTogetherGoManyPerPacketAndARefusalFailsOnlyItsOwn() {
        List<Subscription> devices = devices(250);
        devices.forEach(this::tell);
        while (packets.pending() > 0) {
            packets.answerNext(true);
        }
        subscriptions.connectionLost(new IllegalStateException("lost"));
        packets.clearSent();

        CompletableFuture<FilterSubscriptions.Restoration> restored = subscriptions.restore();
        assertThat(packets.sentPackets).hasSize(3);
        packets.answerNext(true);
        packets.answerNext(true);
        packets.answerNext(false);
        List<String> refused = restored.join().failed();
        assertThat(refused).as("the refused packet's filters").hasSize(50);
        assertThat(devices).allSatisfy(device -> assertThat(subscriptions.isGranted(device))
                .isEqualTo(!refused.contains(device.brokerFilter())));

        packets.clearSent();
        subscriptions.unsubscribeAll(devices);
        assertThat(packets.sent()).hasSize(200).allSatisfy(packet -> assertThat(packet).startsWith("UNSUBSCRIBE "));
        assertThat(packets.sentPackets).hasSize(2);
        packets.answerNext(true);
        packets.answerNext(true);
        assertThat(subscriptions.size()).isZero();
    }

    @Test
    void filtersOfASessionTheBrokerKeptAreGrantedAgainWithoutASubscribe() {
        List<Subscription> devices = devices(3);
        devices.forEach(this::tell);
        while (packets.pending() > 0) {
            packets.answerNext(true);
        }
        subscriptions.connectionLost(new IllegalStateException("lost"));
        assertThat(subscriptions.allRestored()).isFalse();

        subscriptions.sessionResumed();
        packets.clearSent();
        CompletableFuture<FilterSubscriptions.Restoration> restored = subscriptions.restore();
        assertThat(packets.sent()).isEmpty();
        assertThat(restored).isCompletedWithValueMatching(restoration -> restoration.failed().isEmpty());
        assertThat(subscriptions.allRestored()).isTrue();
        assertThat(devices).allSatisfy(device -> assertThat(subscriptions.isGranted(device)).isTrue());
    }

    private static List<Subscription> devices(int count) {
        List<Subscription> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            devices.add(Subscription.of("$rrpc/txd/P/device" + i + "/+", 0, (t, p) -> { }));
        }
        return devices;
    }

    private static Subscription subscription() {
        return Subscription.of(FILTER, 0, (topic, payload) -> { });
    }

    private AtomicReference<Throwable> tell(Subscription subscription) {
        AtomicReference<Throwable> told = new AtomicReference<>();
        subscriptions.subscribe(subscription, told::set);
        return told;
    }

    /** Records packets and answers them when the test says, in the order they were sent. */
    private static final class ScriptedPackets implements FilterSubscriptions.Packets {
        private final Deque<Consumer<Boolean>> unanswered = new ArrayDeque<>();
        private final List<String> sent = new ArrayList<>();
        private final List<String[]> sentPackets = new ArrayList<>();
        private final Set<String> inFlight = new HashSet<>();
        private int inFlightOverlaps;
        private int[] lastQos;

        @Override
        public void subscribe(String[] filters, int[] qos, BiConsumer<boolean[], Throwable> done) {
            for (String filter : filters) {
                sent.add("SUBSCRIBE " + filter);
                inFlightOverlaps += inFlight.add(filter) ? 0 : 1;
            }
            sentPackets.add(filters);
            lastQos = qos;
            unanswered.add(granted -> {
                inFlight.removeAll(List.of(filters));
                boolean[] answer = new boolean[filters.length];
                Arrays.fill(answer, granted);
                done.accept(answer, null);
            });
        }

        @Override
        public void unsubscribe(String[] filters, Consumer<Throwable> done) {
            for (String filter : filters) {
                sent.add("UNSUBSCRIBE " + filter);
                inFlightOverlaps += inFlight.add(filter) ? 0 : 1;
            }
            sentPackets.add(filters);
            unanswered.add(ignored -> {
                inFlight.removeAll(List.of(filters));
                done.accept(null);
            });
        }

        void answerNext(boolean granted) {
            unanswered.poll().accept(granted);
        }

        int pending() {
            return unanswered.size();
        }

        List<String> sent() {
            return sent;
        }

        void clearSent() {
            sent.clear();
            sentPackets.clear();
            unanswered.clear();
            inFlight.clear();
        }
    }
}
