package org.precisionrx.ml.card;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Metrics of predicted outcomes against observed ones: discrimination and calibration of probabilities
 * (AUC, Brier, ECE, logistic calibration slope and intercept) and RMSE of values. Statistics that are not
 * means of per-row values are bootstrapped by resampling row indices ({@link #bootstrapRows}).
 */
public final class OutcomeMetrics {
    private static final double EPS = 1e-6;

    private OutcomeMetrics() {
    }

    /** ROC AUC (Mann-Whitney with midranks for ties); NaN when only one class is present. */
    public static double auc(double[] y, double[] p) {
        check(y, p);
        Integer[] idx = new Integer[p.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
        double rankSumPos = 0;
        long pos = 0;
        for (int i = 0; i < idx.length; ) {
            int j = i;
            while (j + 1 < idx.length && p[idx[j + 1]] == p[idx[i]]) {
                j++;
            }
            double midrank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[idx[k]] == 1) {
                    rankSumPos += midrank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = p.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Per-row squared errors (p - y)²: their mean is the Brier score, and for values the MSE. */
    public static double[] squaredErrors(double[] y, double[] p) {
        check(y, p);
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (p[i] - y[i]) * (p[i] - y[i]);
        }
        return out;
    }

    public static double brier(double[] y, double[] p) {
        return Metrics.mean(squaredErrors(y, p));
    }

    public static double rmse(double[] y, double[] p) {
        return Math.sqrt(Metrics.mean(squaredErrors(y, p)));
    }

    /** Expected calibration error over {@code bins} equal-width bins of p: Σ (n_b/n) |mean p_b - mean y_b|. */
    public static double ece(double[] y, double[] p, int bins) {
        check(y, p);
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        int[] n = new int[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) (p[i] * bins)));
            sumP[b] += p[i];
            sumY[b] += y[i];
            n[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (n[b] > 0) {
                ece += Math.abs(sumP[b] - sumY[b]) / p.length;
            }
        }
        return ece;
    }

    /**
     * Logistic recalibration y ~ sigmoid(intercept + slope * logit(p)), fitted by Newton steps on the
     * log-likelihood (p clipped to [1e-6, 1-1e-6]). Perfect calibration gives slope 1 and intercept 0;
     * slope below 1 means over-confident predictions. Returns {intercept, slope}.
     */
    public static double[] calibration(double[] y, double[] p) {
        check(y, p);
        double a = 0;
        double b = 1;
        for (int iter = 0; iter < 25; iter++) {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (int i = 0; i < p.length; i++) {
                double pi = Math.min(1 - EPS, Math.max(EPS, p[i]));
                double z = Math.log(pi / (1 - pi));
                double q = 1 / (1 + Math.exp(-(a + b * z)));
                double w = q * (1 - q);
                g0 += y[i] - q;
                g1 += (y[i] - q) * z;
                h00 += w;
                h01 += w * z;
                h11 += w * z * z;
            }
            double det = h00 * h11 - h01 * h01;
            if (!(Math.abs(det) > 1e-12)) {
                return new double[] {Double.NaN, Double.NaN}; // one class only or constant predictions
            }
            double da = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            a += da;
            b += db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /** Bootstrap interval of a statistic over rows, by resampling row indices with {@link Bootstrap}. */
    public static Metric bootstrapRows(int rows, ToDoubleFunction<int[]> statisticOfRows, long seed, int reps) {
        double[] index = new double[rows];
        Arrays.setAll(index, i -> i);
        ConfidenceInterval ci = Bootstrap.ci(index,
                v -> statisticOfRows.applyAsDouble(Arrays.stream(v).mapToInt(d -> (int) d).toArray()), seed, reps);
        return Metric.of(ci, rows);
    }

    /** Values at the given rows. */
    public static double[] at(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static void check(double[] y, double[] p) {
        if (y.length != p.length) {
            throw new IllegalArgumentException("arrays differ in length: " + y.length + " vs " + p.length);
        }
    }
}
