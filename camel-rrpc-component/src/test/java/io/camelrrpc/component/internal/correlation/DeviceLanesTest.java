package io.camelrrpc.component.internal.correlation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.camelrrpc.component.internal.correlation.TestCalls.ONE_AT_A_TIME;
import static io.camelrrpc.component.internal.correlation.TestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeviceLanesTest {

    private final DeviceLanes lanes = new DeviceLanes();
    private final Map<String, PendingCall> pending = new HashMap<>();

    @Test
    void aFreedSlotSkipsQueuedCallsWhoseDeadlineHasPassed() {
        PendingCall inFlight = admitted(call(60_000), DeviceLanes.Admission.STARTED);
        List<PendingCall> overdue = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            overdue.add(admitted(call(1), DeviceLanes.Admission.QUEUED));
        }
        PendingCall inTime = admitted(call(60_000), DeviceLanes.Admission.QUEUED);
        await().until(() -> overdue.get(overdue.size() - 1).overdueAt(System.nanoTime()));

        assertThat(finish(inFlight)).isSameAs(inTime);
        assertThat(inTime.started).isTrue();
        assertThat(overdue).allSatisfy(call -> {
            assertThat(call.queued).as("out of the queue").isFalse();
            assertThat(call.started).isFalse();
        });
        assertThat(overdue).allSatisfy(call -> assertThat(finish(call)).as("their timeouts start nothing").isNull());
        assertThat(lanes.size()).isEqualTo(1);
        assertThat(finish(inTime)).isNull();
        assertThat(lanes.size()).isZero();
    }

    @Test
    void aQueuedCallThatEndsLeavesTheQueue() {
        PendingCall inFlight = admitted(call(60_000), DeviceLanes.Admission.STARTED);
        PendingCall queued = admitted(call(60_000), DeviceLanes.Admission.QUEUED);

        assertThat(finish(queued)).isNull();
        assertThat(queued.queued).isFalse();
        assertThat(finish(inFlight)).as("nothing left to start").isNull();
        assertThat(lanes.size()).isZero();
    }

    @Test
    void aCallThatEndedBeforeItAskedTakesNoSlot() {
        PendingCall ended = call(60_000);
        // registered, then ended (e.g. by a lost connection) before it reached its lane: leave found nothing to free
        pending.put(ended.address().processId(), ended);
        assertThat(finish(ended)).isNull();

        assertThat(lanes.admit(ended, ONE_AT_A_TIME, pending)).isEqualTo(DeviceLanes.Admission.ENDED);
        assertThat(ended.started).isFalse();
        assertThat(lanes.size()).as("no lane holds a slot for it").isZero();
        admitted(call(60_000), DeviceLanes.Admission.STARTED);
    }

    private PendingCall admitted(PendingCall call, DeviceLanes.Admission expected) {
        pending.put(call.address().processId(), call);
        assertThat(lanes.admit(call, ONE_AT_A_TIME, pending)).isEqualTo(expected);
        return call;
    }

    /** Ends the call as the correlator does: out of the pending calls, then out of its lane. */
    private PendingCall finish(PendingCall call) {
        pending.remove(call.address().processId());
        return lanes.leave(call, pending, false);
    }
}
