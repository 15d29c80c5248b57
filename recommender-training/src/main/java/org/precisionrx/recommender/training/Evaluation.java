package org.precisionrx.recommender.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.precisionrx.dosage.engine.DoseEngine;
import org.precisionrx.ml.card.Metric;
import org.precisionrx.ml.card.Metrics;
import org.precisionrx.ml.causal.CausalEvaluation;
import org.precisionrx.ml.causal.OutcomeType;
import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.Indication;

/**
 * Held-out evaluation of a benefit model: discrimination and calibration on factual outcomes, and
 * the regret (true P(benefit) lost against the true best arm) of the model's choice and of the two
 * baselines, overall and per subgroup (age band, sex, ancestry).
 */
final class Evaluation {

    static final long SEED = 7;
    static final int REPS = 200;

    record Result(Map<String, Metric> overall, Map<String, Map<String, Map<String, Metric>>> subgroups) {

        double regretRatio() {
            return overall.get("regret_model").value() / overall.get("regret_guideline").value();
        }
    }

    private Evaluation() {
    }

    static Result benefit(Indication indication, List<CohortRow> holdout, double[][] predicted, int[] popularity, DoseEngine engine) {
        int n = holdout.size();
        double[] regretModel = new double[n];
        double[] regretPopular = new double[n];
        double[] regretGuideline = new double[n];
        int[] factual = new int[n];
        double[] outcome = new double[n];
        double[][] truth = new double[n][];
        for (int i = 0; i < n; i++) {
            CohortRow row = holdout.get(i);
            boolean[] allowed = Policies.allowed(engine, SimulatedRow.facts(row), indication.id, indication.arms);
            regretModel[i] = row.regret(Policies.model(predicted[i], allowed));
            regretPopular[i] = row.regret(popularity[0]);
            regretGuideline[i] = row.regret(Policies.guideline(popularity, allowed));
            factual[i] = row.treatment();
            outcome[i] = row.benefit() ? 1 : 0;
            truth[i] = row.mu();
        }
        CausalEvaluation causal = new CausalEvaluation(OutcomeType.BINARY, indication.arms, predicted, factual, outcome,
                truth, true, 0);
        Map<String, List<String>> groups = groups(holdout);
        CausalEvaluation.Report report = causal.evaluate(groups, SEED, REPS);
        Map<String, Metric> overall = new TreeMap<>(report.overall());
        overall.put("regret_model", Metrics.summarize(regretModel, SEED, REPS));
        overall.put("regret_most_prescribed", Metrics.summarize(regretPopular, SEED, REPS));
        overall.put("regret_guideline", Metrics.summarize(regretGuideline, SEED, REPS));
        Map<String, Map<String, Map<String, Metric>>> subgroups = new TreeMap<>();
        report.subgroups().forEach((column, byValue) -> {
            Map<String, Map<String, Metric>> copy = new TreeMap<>();
            byValue.forEach((value, metrics) -> copy.put(value, new TreeMap<>(metrics)));
            addRegret(copy, groups.get(column), "regret_model", regretModel);
            addRegret(copy, groups.get(column), "regret_most_prescribed", regretPopular);
            addRegret(copy, groups.get(column), "regret_guideline", regretGuideline);
            subgroups.put(column, copy);
        });
        return new Result(overall, subgroups);
    }

    static Result adverseEvents(Indication indication, List<CohortRow> holdout, double[][] predicted) {
        int n = holdout.size();
        int[] factual = new int[n];
        double[] outcome = new double[n];
        double[][] truth = new double[n][];
        for (int i = 0; i < n; i++) {
            factual[i] = holdout.get(i).treatment();
            outcome[i] = holdout.get(i).sae() ? 1 : 0;
            truth[i] = holdout.get(i).saeProbability();
        }
        CausalEvaluation.Report report = new CausalEvaluation(OutcomeType.BINARY, indication.arms, predicted, factual,
                outcome, truth, false, 0).evaluate(groups(holdout), SEED, REPS);
        return new Result(report.overall(), report.subgroups());
    }

    private static void addRegret(Map<String, Map<String, Metric>> byValue, List<String> labels, String name, double[] perRow) {
        Metrics.bySubgroup(labels, perRow, SEED, REPS).forEach((value, metric) ->
                byValue.computeIfAbsent(value, k -> new TreeMap<>()).put(name, metric));
    }

    static Map<String, List<String>> groups(List<CohortRow> rows) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> age = new ArrayList<>();
        List<String> sex = new ArrayList<>();
        List<String> ancestry = new ArrayList<>();
        rows.forEach(r -> {
            age.add(r.patient().ageBand());
            sex.add(r.patient().sex().name());
            ancestry.add(r.patient().ancestry().name());
        });
        groups.put("age_band", age);
        groups.put("sex", sex);
        groups.put("ancestry", ancestry);
        return groups;
    }
}
