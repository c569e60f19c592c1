package io.camelrrpc.component.correlation;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits the calls in flight to each device. Tencent's C device SDK keeps one processId at a time, so overlapping
 * calls to one device can be answered with the wrong id; a lane lets a fixed number through and queues (or refuses)
 * the rest. A lane exists only while its device has calls, and all its state changes under the map's lock for that
 * device, so a slot is never lost or counted twice. A freed slot skips queued calls whose deadline has passed: their
 * timeout is due now, and sending them would only delay the timeouts behind them.
 */
final class DeviceLanes {

    /** What happened to a call that asked for a slot. */
    enum Admission {
        STARTED,
        QUEUED,
        REFUSED,
        /** The call ended (e.g. its connection was lost) before it asked: it takes no slot. */
        ENDED
    }

    private static final class Lane {
        int active;
        final ArrayDeque<PendingCall> waiting = new ArrayDeque<>(2);

        boolean idle() {
            return active == 0 && waiting.isEmpty();
        }
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * Takes a slot for the call if one is free; else queues it or refuses it. A call no longer pending gets nothing:
     * it may have ended between its registration and this, and its {@link #leave} then found nothing to free.
     */
    Admission admit(PendingCall call, CallLimits limits, Map<String, PendingCall> pending) {
        Admission[] admission = new Admission[1];
        lanes.compute(call.address().device(), (device, lane) -> {
            Lane current = lane != null ? lane : new Lane();
            if (pending.get(call.address().processId()) != call) {
                admission[0] = Admission.ENDED;
            } else if (current.active < limits.maxConcurrentCallsPerDevice()) {
                current.active++;
                call.started = true;
                admission[0] = Admission.STARTED;
            } else if (limits.waitWhenDeviceBusy()) {
                current.waiting.add(call);
                call.queued = true;
                admission[0] = Admission.QUEUED;
            } else {
                admission[0] = Admission.REFUSED;
            }
            return current.idle() ? null : current;
        });
        return admission[0];
    }

    /**
     * The call is over: frees its slot, or takes it out of the queue if it still waits there.
     *
     * @return the next call of the device, now holding the freed slot and to be sent, or {@code null}
     */
    PendingCall leave(PendingCall call, Map<String, PendingCall> pending) {
        PendingCall[] next = new PendingCall[1];
        lanes.computeIfPresent(call.address().device(), (device, lane) -> {
            if (call.started) {
                lane.active--;
                next[0] = nextToStart(lane, pending, System.nanoTime());
            } else if (call.queued) {
                call.queued = false;
                lane.waiting.remove(call);
            }
            return lane.idle() ? null : lane;
        });
        return next[0];
    }

    /** Takes the first queued call still pending and not overdue; overdue ones leave the queue for their timeout. */
    private static PendingCall nextToStart(Lane lane, Map<String, PendingCall> pending, long nowNanos) {
        for (PendingCall candidate = lane.waiting.poll(); candidate != null; candidate = lane.waiting.poll()) {
            candidate.queued = false;
            if (pending.get(candidate.address().processId()) == candidate && !candidate.overdueAt(nowNanos)) {
                lane.active++;
                candidate.started = true;
                return candidate;
            }
        }
        return null;
    }

    /** Devices with calls in flight or waiting. */
    int size() {
        return lanes.size();
    }
}
