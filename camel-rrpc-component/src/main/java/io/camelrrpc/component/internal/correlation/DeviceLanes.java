package io.camelrrpc.component.internal.correlation;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelrrpc.component.spi.RrpcAddress;

/**
 * Limits the calls in flight to each device. Tencent's C device SDK keeps one processId at a time, so overlapping
 * calls to one device can be answered with the wrong id; a lane lets a fixed number through and queues (or refuses)
 * the rest. A lane exists only while its device has calls, or cools down, and all its state changes under the map's
 * lock for that device, so a slot is never lost or counted twice. A freed slot skips queued calls whose deadline has
 * passed: their timeout is due now, and sending them would only delay the timeouts behind them.
 * <p>
 * With one call at a time ({@link CallLimits#coolsDownAfterTimeout()}), a call that timed out leaves its lane cooling
 * down: the device may still answer it, and would answer under the id of whatever request it received last. The next
 * call waits until the cool-down ends, after {@link CallLimits#afterTimeoutDelayMillis()} or at the late answer.
 */
final class DeviceLanes {

    /** What happened to a call that asked for a slot. */
    enum Admission {
        STARTED,
        QUEUED,
        REFUSED,
        /** Refused because the device cools down after a timeout. */
        REFUSED_COOLING_DOWN,
        /** The call ended (e.g. its connection was lost) before it asked: it takes no slot. */
        ENDED
    }

    private static final class Lane {
        int active;
        final ArrayDeque<PendingCall> waiting = new ArrayDeque<>(2);
        /** The processId of the timed-out call the device may still answer, or {@code null}. */
        String coolingAfter;

        boolean idle() {
            return active == 0 && waiting.isEmpty() && coolingAfter == null;
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
            } else if (current.active < limits.maxConcurrentCallsPerDevice() && current.coolingAfter == null) {
                current.active++;
                call.started = true;
                admission[0] = Admission.STARTED;
            } else if (limits.waitWhenDeviceBusy()) {
                current.waiting.add(call);
                call.queued = true;
                admission[0] = Admission.QUEUED;
            } else {
                admission[0] = current.coolingAfter == null ? Admission.REFUSED : Admission.REFUSED_COOLING_DOWN;
            }
            return current.idle() ? null : current;
        });
        return admission[0];
    }

    /**
     * The call is over: frees its slot, or takes it out of the queue if it still waits there. A started call that
     * timed out, with {@link CallLimits#coolsDownAfterTimeout()}, leaves its lane cooling down instead: then
     * {@link PendingCall#coolingDown} is set, and {@link #endCoolDown} must follow.
     *
     * @return the next call of the device, now holding the freed slot and to be sent, or {@code null}
     */
    PendingCall leave(PendingCall call, Map<String, PendingCall> pending, boolean timedOut) {
        PendingCall[] next = new PendingCall[1];
        lanes.computeIfPresent(call.address().device(), (device, lane) -> {
            if (call.started) {
                lane.active--;
                if (timedOut && call.limits().coolsDownAfterTimeout()) {
                    lane.coolingAfter = call.address().processId();
                    call.coolingDown = true;
                } else {
                    next[0] = nextToStart(lane, pending, System.nanoTime());
                }
            } else if (call.queued) {
                call.queued = false;
                lane.waiting.remove(call);
            }
            return lane.idle() ? null : lane;
        });
        return next[0];
    }

    /**
     * Ends the cool-down that the call with this address started, if it is still under way: its delay is over, or
     * the device answered it late.
     *
     * @return the next call of the device, now holding the slot and to be sent, or {@code null}
     */
    PendingCall endCoolDown(RrpcAddress timedOut, Map<String, PendingCall> pending) {
        PendingCall[] next = new PendingCall[1];
        lanes.computeIfPresent(timedOut.device(), (device, lane) -> {
            if (timedOut.processId().equals(lane.coolingAfter)) {
                lane.coolingAfter = null;
                next[0] = nextToStart(lane, pending, System.nanoTime());
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

    /** Devices with calls in flight or waiting, or cooling down after a timeout. */
    int size() {
        return lanes.size();
    }
}
