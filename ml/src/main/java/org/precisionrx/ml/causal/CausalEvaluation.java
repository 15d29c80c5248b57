package org.precisionrx.ml.causal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.precisionrx.ml.card.Bootstrap;
import org.precisionrx.ml.card.Metric;
import org.precisionrx.ml.card.OutcomeMetrics;

/**
 * Evaluation of a multi-arm model on a cohort, overall and per subgroup, every metric with a 95%
 * bootstrap interval (row resampling, seeded).
 * <ul>
 *   <li>factual (rows with a known arm and outcome, prediction of the arm given): BINARY auc, brier, ece
 *       (10 bins), calibration_slope, calibration_intercept; CONTINUOUS rmse;</li>
 *   <li>with true potential outcomes: sqrt_pehe and ate_error (vs the reference arm, see
 *       {@link EffectMetrics}), ate_error:&lt;arm&gt;, policy_value (mean true outcome under the arm with the
 *       best prediction), oracle_value and regret.</li>
 * </ul>
 *
 * @param predicted ensemble-mean outcome [rows][arms]
 * @param factualArm arm given per row, or -1 when unknown
 * @param outcome observed outcome per row, NaN when unknown
 * @param truth true potential outcomes [rows][arms], or null
 */
public record CausalEvaluation(OutcomeType type, List<String> arms, double[][] predicted, int[] factualArm,
                               double[] outcome, double[][] truth, boolean higherIsBetter, int referenceArm) {

    /** Overall metrics and subgroup column -> value -> metrics. */
    public record Report(Map<String, Metric> overall, Map<String, Map<String, Map<String, Metric>>> subgroups) {
    }

    public Report evaluate(Map<String, List<String>> groupColumns, long seed, int reps) {
        int[] all = IntStream.range(0, predicted.length).toArray();
        Map<String, Map<String, Map<String, Metric>>> subgroups = new TreeMap<>();
        groupColumns.forEach((column, labels) -> {
            if (labels.size() != predicted.length) {
                throw new IllegalArgumentException("group column " + column + " needs one label per row");
            }
            Map<String, List<Integer>> rowsOf = new TreeMap<>();
            for (int i = 0; i < labels.size(); i++) {
                rowsOf.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
            }
            Map<String, Map<String, Metric>> perValue = new TreeMap<>();
            rowsOf.forEach((value, rows) ->
                    perValue.put(value, metrics(rows.stream().mapToInt(Integer::intValue).toArray(), seed, reps)));
            subgroups.put(column, perValue);
        });
        return new Report(metrics(all, seed, reps), subgroups);
    }

    /** All applicable metrics on a subset of rows. */
    public Map<String, Metric> metrics(int[] rows, long seed, int reps) {
        Map<String, Metric> out = new TreeMap<>();
        int[] factual = IntStream.of(rows).filter(i -> factualArm[i] >= 0 && !Double.isNaN(outcome[i])).toArray();
        if (factual.length > 0) {
            double[] y = new double[factual.length];
            double[] p = new double[factual.length];
            for (int k = 0; k < factual.length; k++) {
                y[k] = outcome[factual[k]];
                p[k] = predicted[factual[k]][factualArm[factual[k]]];
            }
            if (type == OutcomeType.BINARY) {
                out.put("auc", OutcomeMetrics.bootstrapRows(y.length,
                        r -> OutcomeMetrics.auc(OutcomeMetrics.at(y, r), OutcomeMetrics.at(p, r)), seed, reps));
                out.put("brier", Metric.of(Bootstrap.ci(OutcomeMetrics.squaredErrors(y, p), Bootstrap.MEAN, seed, reps),
                        y.length));
                out.put("ece", OutcomeMetrics.bootstrapRows(y.length,
                        r -> OutcomeMetrics.ece(OutcomeMetrics.at(y, r), OutcomeMetrics.at(p, r), 10), seed, reps));
                out.put("calibration_intercept", OutcomeMetrics.bootstrapRows(y.length,
                        r -> OutcomeMetrics.calibration(OutcomeMetrics.at(y, r), OutcomeMetrics.at(p, r))[0], seed, reps));
                out.put("calibration_slope", OutcomeMetrics.bootstrapRows(y.length,
                        r -> OutcomeMetrics.calibration(OutcomeMetrics.at(y, r), OutcomeMetrics.at(p, r))[1], seed, reps));
            } else {
                out.put("rmse", Metric.of(Bootstrap.ci(OutcomeMetrics.squaredErrors(y, p),
                        v -> Math.sqrt(Bootstrap.MEAN.applyAsDouble(v)), seed, reps), y.length));
            }
        }
        if (truth != null && rows.length > 0) {
            double[][] pr = new double[rows.length][];
            double[][] tr = new double[rows.length][];
            for (int k = 0; k < rows.length; k++) {
                pr[k] = predicted[rows[k]];
                tr[k] = truth[rows[k]];
            }
            out.put("sqrt_pehe", Metric.of(Bootstrap.ci(EffectMetrics.pehePerRow(pr, tr, referenceArm),
                    v -> Math.sqrt(Bootstrap.MEAN.applyAsDouble(v)), seed, reps), rows.length));
            out.put("ate_error", OutcomeMetrics.bootstrapRows(rows.length,
                    r -> EffectMetrics.meanAteError(pick(pr, r), pick(tr, r), referenceArm), seed, reps));
            for (int a = 0; a < arms.size(); a++) {
                if (a != referenceArm) {
                    final int arm = a;
                    out.put("ate_error:" + arms.get(a), OutcomeMetrics.bootstrapRows(rows.length,
                            r -> EffectMetrics.ateError(pick(pr, r), pick(tr, r), arm, referenceArm), seed, reps));
                }
            }
            int[] chosen = EffectMetrics.choose(pr, higherIsBetter);
            int[] oracle = EffectMetrics.choose(tr, higherIsBetter);
            out.put("policy_value", Metric.of(Bootstrap.ci(EffectMetrics.policyValues(tr, chosen), Bootstrap.MEAN,
                    seed, reps), rows.length));
            out.put("oracle_value", Metric.of(Bootstrap.ci(EffectMetrics.policyValues(tr, oracle), Bootstrap.MEAN,
                    seed, reps), rows.length));
            out.put("regret", Metric.of(Bootstrap.ci(EffectMetrics.regrets(tr, chosen, higherIsBetter), Bootstrap.MEAN,
                    seed, reps), rows.length));
        }
        return out;
    }

    private static double[][] pick(double[][] values, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
