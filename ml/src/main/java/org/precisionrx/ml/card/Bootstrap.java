package org.precisionrx.ml.card;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap over per-row values (e.g. absolute errors, 0/1 hits). Seeded, so a model card
 * regenerated from the same predictions reports the same intervals.
 */
public final class Bootstrap {
    public static final ToDoubleFunction<double[]> MEAN = v -> Arrays.stream(v).average().orElse(Double.NaN);

    private Bootstrap() {
    }

    /** 95% percentile interval of {@code statistic} over {@code reps} resamples with replacement. */
    public static ConfidenceInterval ci(double[] perRowValues, ToDoubleFunction<double[]> statistic, long seed,
                                        int reps) {
        if (perRowValues.length == 0 || reps < 2) {
            throw new IllegalArgumentException("need at least one value and two resamples");
        }
        double estimate = statistic.applyAsDouble(perRowValues);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] stats = new double[reps];
        double[] sample = new double[perRowValues.length];
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = perRowValues[rng.nextInt(perRowValues.length)];
            }
            stats[r] = statistic.applyAsDouble(sample);
        }
        Arrays.sort(stats);
        return new ConfidenceInterval(estimate, quantile(stats, 0.025), quantile(stats, 0.975));
    }

    /** Linear interpolation between order statistics of a sorted array. */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
