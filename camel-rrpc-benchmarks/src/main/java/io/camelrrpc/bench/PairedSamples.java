package io.camelrrpc.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The latencies of a {@link TakingTurns} window by system and cycle (one slice of every system), for a paired
 * bootstrap: how sure is a difference between two systems' p99? Resampling whole cycles keeps each system's calls
 * together with the other systems' calls of the same moment, so a noisy moment of the machine stays shared.
 */
final class PairedSamples {

    private static final int RESAMPLES = 1000;

    /** A difference of p99 latencies: the point estimate and its 95 % bootstrap interval, in milliseconds. */
    record Difference(double ms, double lowMs, double highMs, int cycles) {
    }

    private record Sample(int target, int cycle, long nanos) {
    }

    private final List<Sample> samples = new ArrayList<>();

    synchronized void add(int target, int cycle, long nanos) {
        samples.add(new Sample(target, cycle, nanos));
    }

    /** @return p99 of system {@code a} minus p99 of system {@code b} (indexes into the targets of the run) */
    synchronized Difference p99Difference(int a, int b) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Sample s : samples) {
            first = Math.min(first, s.cycle());
            last = Math.max(last, s.cycle());
        }
        if (last < 0) {
            return new Difference(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        long[][] ofA = byCycle(a, first, last);
        long[][] ofB = byCycle(b, first, last);
        int cycles = ofA.length;
        int[] all = new int[cycles];
        Arrays.setAll(all, i -> i);
        double point = p99Ms(ofA, all) - p99Ms(ofB, all);
        double[] resampled = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(42);
        int[] pick = new int[cycles];
        for (int r = 0; r < RESAMPLES; r++) {
            Arrays.setAll(pick, i -> random.nextInt(cycles));
            resampled[r] = p99Ms(ofA, pick) - p99Ms(ofB, pick);
        }
        Arrays.sort(resampled);
        return new Difference(point, resampled[(int) (0.025 * RESAMPLES)], resampled[(int) (0.975 * RESAMPLES) - 1],
                cycles);
    }

    private long[][] byCycle(int target, int first, int last) {
        int[] counts = new int[last - first + 1];
        for (Sample s : samples) {
            if (s.target() == target) {
                counts[s.cycle() - first]++;
            }
        }
        long[][] out = new long[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            out[c] = new long[counts[c]];
        }
        int[] filled = new int[counts.length];
        for (Sample s : samples) {
            if (s.target() == target) {
                int c = s.cycle() - first;
                out[c][filled[c]++] = s.nanos();
            }
        }
        return out;
    }

    /** The exact 99th percentile (nearest rank) of the samples of the picked cycles. */
    private static double p99Ms(long[][] byCycle, int[] picked) {
        int n = 0;
        for (int c : picked) {
            n += byCycle[c].length;
        }
        if (n == 0) {
            return Double.NaN;
        }
        long[] values = new long[n];
        int at = 0;
        for (int c : picked) {
            System.arraycopy(byCycle[c], 0, values, at, byCycle[c].length);
            at += byCycle[c].length;
        }
        Arrays.sort(values);
        return values[(int) Math.ceil(0.99 * n) - 1] / 1e6;
    }
}
