package org.precisionrx.dosage.warfarin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.precisionrx.dosage.warfarin.WarfarinDataset.Example;
import org.precisionrx.ml.card.Metric;
import org.precisionrx.ml.card.Metrics;

/**
 * The model and the IWPC pharmacogenetic formula scored on the same rows (mg/week): MAE, share
 * within 20% of the actual dose, and 80% interval coverage. The formula has no interval of its own,
 * so it gets one from the 10th/90th percentiles of its sqrt-scale residuals on the training part:
 * a like-for-like baseline for the model's P10-P90.
 */
public final class WarfarinEvaluation {

    public static final long BOOTSTRAP_SEED = 20090219L; // NEJM 2009;360:753, published 19 Feb 2009
    public static final int BOOTSTRAP_REPS = 1000;

    private final List<Example> rows;
    private final Map<String, double[]> perRow = new LinkedHashMap<>();

    private WarfarinEvaluation(List<Example> rows) {
        this.rows = rows;
    }

    public static WarfarinEvaluation of(WarfarinArtifact model, List<Example> rows, List<Example> trainingPart) {
        double[] residualBand = iwpcResidualBand(trainingPart);
        double[][] q = model.predictWeekly(rows.stream().map(Example::features).toList());
        int n = rows.size();
        double[] actual = new double[n];
        double[] p10 = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        double[] formula = new double[n];
        double[] formulaLo = new double[n];
        double[] formulaHi = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = rows.get(i).weeklyDose();
            p10[i] = q[i][0];
            p50[i] = q[i][1];
            p90[i] = q[i][2];
            formula[i] = IwpcFormula.pharmacogeneticWeeklyMg(rows.get(i).features().iwpc());
            double root = Math.sqrt(formula[i]);
            formulaLo[i] = square(root + residualBand[0]);
            formulaHi[i] = square(root + residualBand[1]);
        }
        WarfarinEvaluation e = new WarfarinEvaluation(rows);
        e.perRow.put("model.mae_mg_week", Metrics.absoluteErrors(actual, p50));
        e.perRow.put("model.within_20pct", Metrics.withinFraction(actual, p50, 0.2));
        e.perRow.put("model.coverage_p10_p90", Metrics.covered(actual, p10, p90));
        e.perRow.put("iwpc.mae_mg_week", Metrics.absoluteErrors(actual, formula));
        e.perRow.put("iwpc.within_20pct", Metrics.withinFraction(actual, formula, 0.2));
        e.perRow.put("iwpc.coverage_p10_p90", Metrics.covered(actual, formulaLo, formulaHi));
        return e;
    }

    /** 10th and 90th percentile of sqrt(actual) - sqrt(formula) over the training rows. */
    static double[] iwpcResidualBand(List<Example> trainingPart) {
        double[] r = trainingPart.stream().mapToDouble(e -> Math.sqrt(e.weeklyDose())
                - Math.sqrt(IwpcFormula.pharmacogeneticWeeklyMg(e.features().iwpc()))).sorted().toArray();
        return new double[] {quantile(r, 0.1), quantile(r, 0.9)};
    }

    /** Mean of a per-row metric, e.g. "model.mae_mg_week". */
    public double value(String metric) {
        return Arrays.stream(perRow.get(metric)).average().orElse(Double.NaN);
    }

    public Map<String, Metric> metrics() {
        Map<String, Metric> out = new TreeMap<>();
        perRow.forEach((name, values) -> out.put(name, Metrics.summarize(values, BOOTSTRAP_SEED, BOOTSTRAP_REPS)));
        return out;
    }

    /** Subgroup ("sex", "race", "age") -> group value -> metric name -> metric. */
    public Map<String, Map<String, Map<String, Metric>>> subgroupMetrics() {
        Map<String, Function<Example, String>> groupings = Map.of(
                "sex", e -> e.features().sex().name(),
                "race", e -> e.features().iwpc().race().name(),
                "age", e -> ageBand(e.features().iwpc().ageDecades()));
        Map<String, Map<String, Map<String, Metric>>> out = new TreeMap<>();
        groupings.forEach((subgroup, label) -> {
            List<String> groups = rows.stream().map(label).toList();
            Map<String, Map<String, Metric>> byGroup = new TreeMap<>();
            perRow.forEach((name, values) -> Metrics.bySubgroup(groups, values, BOOTSTRAP_SEED, BOOTSTRAP_REPS)
                    .forEach((group, metric) -> byGroup.computeIfAbsent(group, g -> new TreeMap<>()).put(name, metric)));
            out.put(subgroup, byGroup);
        });
        return out;
    }

    static String ageBand(int decades) {
        if (decades < 5) {
            return "under 50";
        }
        return decades >= 8 ? "80 and over" : decades * 10 + "-" + (decades * 10 + 9);
    }

    private static double square(double root) {
        double r = Math.max(0, root);
        return r * r;
    }

    private static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
