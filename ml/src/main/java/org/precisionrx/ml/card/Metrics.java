package org.precisionrx.ml.card;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dose-model metrics. Each comes as per-row values (so they can be bootstrapped and split by subgroup)
 * and as a summary (the mean of the per-row values).
 */
public final class Metrics {
    private Metrics() {
    }

    public static double[] absoluteErrors(double[] actual, double[] predicted) {
        check(actual, predicted);
        double[] out = new double[actual.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(predicted[i] - actual[i]);
        }
        return out;
    }

    /** 1 where the prediction is within ±{@code fraction} of the actual value (e.g. 0.2 for ±20%), else 0. */
    public static double[] withinFraction(double[] actual, double[] predicted, double fraction) {
        check(actual, predicted);
        double[] out = new double[actual.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(predicted[i] - actual[i]) <= fraction * Math.abs(actual[i]) ? 1 : 0;
        }
        return out;
    }

    /** 1 where lo <= actual <= hi, else 0. */
    public static double[] covered(double[] actual, double[] lo, double[] hi) {
        check(actual, lo);
        check(actual, hi);
        double[] out = new double[actual.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = actual[i] >= lo[i] && actual[i] <= hi[i] ? 1 : 0;
        }
        return out;
    }

    public static double mae(double[] actual, double[] predicted) {
        return mean(absoluteErrors(actual, predicted));
    }

    public static double shareWithin20Percent(double[] actual, double[] predicted) {
        return mean(withinFraction(actual, predicted, 0.2));
    }

    public static double coverage(double[] actual, double[] lo, double[] hi) {
        return mean(covered(actual, lo, hi));
    }

    /** Mean of per-row values with its 95% bootstrap interval. */
    public static Metric summarize(double[] perRow, long seed, int reps) {
        return Metric.of(Bootstrap.ci(perRow, Bootstrap.MEAN, seed, reps), perRow.length);
    }

    /** {@link #summarize} per subgroup value (e.g. per CYP2C9 phenotype), keys sorted. */
    public static Map<String, Metric> bySubgroup(List<String> groupOfRow, double[] perRow, long seed, int reps) {
        if (groupOfRow.size() != perRow.length) {
            throw new IllegalArgumentException("one group label per row is required");
        }
        Map<String, List<Double>> grouped = new TreeMap<>();
        for (int i = 0; i < perRow.length; i++) {
            grouped.computeIfAbsent(groupOfRow.get(i), k -> new ArrayList<>()).add(perRow[i]);
        }
        Map<String, Metric> out = new TreeMap<>();
        grouped.forEach((group, values) ->
                out.put(group, summarize(values.stream().mapToDouble(Double::doubleValue).toArray(), seed, reps)));
        return out;
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static void check(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays differ in length: " + a.length + " vs " + b.length);
        }
    }
}
