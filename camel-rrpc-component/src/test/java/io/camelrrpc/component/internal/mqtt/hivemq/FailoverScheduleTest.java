package io.camelrrpc.component.internal.mqtt.hivemq;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverScheduleTest {

    private static final BrokerAddresses CLUSTER = BrokerAddresses.parse("tcp://a:1883,tcp://b:1883,tcp://c:1883");

    @Test
    void afterALossTheOtherNodesAreTriedAtOnceAndOnlyAWholeFailedRoundPauses() {
        FailoverSchedule schedule = new FailoverSchedule(CLUSTER, 10_000, () -> 0.999);
        assertThat(schedule.current().url()).isEqualTo("tcp://a:1883");
        schedule.connected();

        List<String> tried = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pauses.add(schedule.failed());
            tried.add(schedule.current().host());
        }

        assertThat(tried).containsExactly("b", "c", "a", "b", "c", "a");
        assertThat(pauses).containsExactly(0L, 0L, 999L, 0L, 0L, 1999L);
    }

    @Test
    void pausesDoubleUpToMaxReconnectDelayWithJitterBetweenHalfAndAll() {
        FailoverSchedule longest = new FailoverSchedule(BrokerAddresses.parse("tcp://a"), 5000, () -> 0.999_999);
        FailoverSchedule shortest = new FailoverSchedule(BrokerAddresses.parse("tcp://a"), 5000, () -> 0);

        List<Long> upper = new ArrayList<>();
        List<Long> lower = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            upper.add(longest.failed());
            lower.add(shortest.failed());
        }

        assertThat(upper).containsExactly(999L, 1999L, 3999L, 4999L, 4999L, 4999L);
        assertThat(lower).containsExactly(500L, 1000L, 2000L, 2500L, 2500L, 2500L);
    }

    @Test
    void aConnectionStartsAgainFromShortPausesOnceItWasUp() {
        FailoverSchedule schedule = new FailoverSchedule(BrokerAddresses.parse("tcp://a"), 60_000, () -> 0);
        for (int i = 0; i < 10; i++) {
            schedule.failed();
        }
        schedule.connected();

        assertThat(schedule.failed()).isEqualTo(FailoverSchedule.FIRST_PAUSE_MILLIS / 2);
    }

    @Test
    void countsAConnectionOnAnotherNodeAsAFailover() {
        FailoverSchedule schedule = new FailoverSchedule(CLUSTER, 10_000, () -> 0);
        assertThat(schedule.connected()).as("the first connection").isFalse();
        schedule.failed();
        assertThat(schedule.connected()).as("on b after a was lost").isTrue();
        schedule.failed();
        schedule.failed();
        schedule.failed();
        assertThat(schedule.connected()).as("on b again after a round").isFalse();

        assertThat(schedule.failovers()).isEqualTo(1);
        assertThat(schedule.current().host()).isEqualTo("b");
    }

    @Test
    void theFirstRoundFailsOnceEveryNodeFailed() {
        FailoverSchedule schedule = new FailoverSchedule(CLUSTER, 10_000, () -> 0);
        schedule.failed();
        schedule.failed();
        assertThat(schedule.roundFailed()).isFalse();
        schedule.failed();
        assertThat(schedule.roundFailed()).isTrue();
    }
}
