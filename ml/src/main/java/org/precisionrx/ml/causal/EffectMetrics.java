package org.precisionrx.ml.causal;

/**
 * Metrics that need the true potential outcomes mu[row][arm] (simulations, semi-synthetic benchmarks).
 * Effects are taken against a reference arm: tau_a = mu_a - mu_ref. With two arms √PEHE is the usual
 * one; with more it is the root of the mean over rows and non-reference arms of the squared effect error.
 */
public final class EffectMetrics {
    private EffectMetrics() {
    }

    /** Per row: mean over arms a != ref of ((pred_a - pred_ref) - (true_a - true_ref))². √mean = √PEHE. */
    public static double[] pehePerRow(double[][] predicted, double[][] truth, int ref) {
        check(predicted, truth);
        double[] out = new double[predicted.length];
        for (int i = 0; i < out.length; i++) {
            int arms = truth[i].length;
            double sum = 0;
            for (int a = 0; a < arms; a++) {
                if (a != ref) {
                    double e = (predicted[i][a] - predicted[i][ref]) - (truth[i][a] - truth[i][ref]);
                    sum += e * e;
                }
            }
            out[i] = sum / (arms - 1);
        }
        return out;
    }

    public static double sqrtPehe(double[][] predicted, double[][] truth, int ref) {
        double[] v = pehePerRow(predicted, truth, ref);
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return Math.sqrt(s / v.length);
    }

    /** |estimated ATE - true ATE| of arm a vs ref, i.e. |mean over rows of the effect error|. */
    public static double ateError(double[][] predicted, double[][] truth, int arm, int ref) {
        check(predicted, truth);
        double s = 0;
        for (int i = 0; i < predicted.length; i++) {
            s += (predicted[i][arm] - predicted[i][ref]) - (truth[i][arm] - truth[i][ref]);
        }
        return Math.abs(s / predicted.length);
    }

    /** Mean of {@link #ateError} over the arms other than ref. */
    public static double meanAteError(double[][] predicted, double[][] truth, int ref) {
        int arms = truth[0].length;
        double s = 0;
        for (int a = 0; a < arms; a++) {
            if (a != ref) {
                s += ateError(predicted, truth, a, ref);
            }
        }
        return s / (arms - 1);
    }

    /** The arm with the best predicted outcome per row (largest, or smallest if lower is better; first on ties). */
    public static int[] choose(double[][] predicted, boolean higherIsBetter) {
        int[] out = new int[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            int best = 0;
            for (int a = 1; a < predicted[i].length; a++) {
                if (higherIsBetter ? predicted[i][a] > predicted[i][best] : predicted[i][a] < predicted[i][best]) {
                    best = a;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** True outcome under the chosen arm per row; the mean is the policy value. */
    public static double[] policyValues(double[][] truth, int[] chosen) {
        double[] out = new double[truth.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = truth[i][chosen[i]];
        }
        return out;
    }

    /** Per row: best true outcome minus the true outcome of the chosen arm (>= 0); the mean is the regret. */
    public static double[] regrets(double[][] truth, int[] chosen, boolean higherIsBetter) {
        double[] out = new double[truth.length];
        for (int i = 0; i < out.length; i++) {
            double best = truth[i][0];
            for (double v : truth[i]) {
                best = higherIsBetter ? Math.max(best, v) : Math.min(best, v);
            }
            out[i] = Math.abs(best - truth[i][chosen[i]]);
        }
        return out;
    }

    private static void check(double[][] predicted, double[][] truth) {
        if (predicted.length != truth.length || predicted.length == 0) {
            throw new IllegalArgumentException("predicted and truth need the same, non-zero number of rows");
        }
    }
}
