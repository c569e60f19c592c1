package io.camelrrpc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Measures one cell (payload x calls in flight) of several systems side by side, as every suite does: at 1 in flight a
 * paired comparison ({@link TakingTurns}), otherwise rounds of {@link ClosedLoop}s with the systems taking turns,
 * reversed every other round, so that drifts of a shared machine's load hit every system alike.
 */
final class Cells {

    /** How long each part of a cell lasts. */
    record Timing(long warmupMillis, long windowMillis, int rounds, long drainMillis) {
    }

    /** The runs of each system, in the order of the targets, and at 1 in flight the paired samples (else null). */
    record Measured(List<List<ClosedLoop.Run>> runs, PairedSamples paired) {
    }

    private Cells() {
    }

    /**
     * @param brokerCpu per target, CPU nanoseconds of an out-of-process broker so far, or null entries
     */
    static Measured measure(List<CallTarget> targets, List<LongSupplier> brokerCpu, int payload, int inFlight,
            Timing timing) throws InterruptedException {
        List<List<ClosedLoop.Run>> runs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            runs.add(new ArrayList<>());
        }
        if (targets.isEmpty()) {
            return new Measured(runs, null);
        }
        if (inFlight == 1) {
            // the systems take turns in short slices, each for as long as 4 rounds, for enough samples behind p99
            TakingTurns.Outcome paired = TakingTurns.run(targets, payload, timing.warmupMillis() * targets.size(),
                    4L * timing.rounds() * timing.windowMillis() * targets.size(), timing.drainMillis());
            for (int i = 0; i < targets.size(); i++) {
                runs.get(i).add(paired.runs().get(i));
            }
            return new Measured(runs, paired.samples());
        }
        // 4,096 in flight: queueing only, one round
        int rounds = inFlight >= 4096 ? 1 : timing.rounds();
        for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < targets.size(); j++) {
                int i = round % 2 == 0 ? j : targets.size() - 1 - j;
                runs.get(i).add(ClosedLoop.run(targets.get(i), payload, inFlight, timing.warmupMillis(),
                        timing.windowMillis(), timing.drainMillis(), brokerCpu.get(i)));
            }
        }
        return new Measured(runs, null);
    }
}
