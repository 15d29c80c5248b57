package org.precisionrx.ml.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.precisionrx.ml.card.Metric;
import org.precisionrx.ml.card.OutcomeMetrics;

class CausalMetricsTest {

    @Test
    void aucBrierEceByHand() {
        double[] y = {0, 0, 1, 1};
        double[] p = {0.1, 0.4, 0.35, 0.8};
        // Pairs (pos, neg): (0.35,0.1) ok, (0.35,0.4) wrong, (0.8,*) ok -> 3/4.
        assertThat(OutcomeMetrics.auc(y, p)).isEqualTo(0.75);
        assertThat(OutcomeMetrics.auc(y, new double[] {0.5, 0.5, 0.5, 0.5})).isEqualTo(0.5); // ties count half
        // Brier: (0.01 + 0.16 + 0.4225 + 0.04) / 4.
        assertThat(OutcomeMetrics.brier(y, p)).isCloseTo(0.158125, within(1e-12));
        // Bins: [0.1,0.2): p 0.1 y 0 -> 0.1; [0.3,0.4): p 0.35 y 1 -> 0.65; [0.4,0.5): 0.4 vs 0 -> 0.4;
        // [0.8,0.9): 0.8 vs 1 -> 0.2; ECE = (0.1 + 0.65 + 0.4 + 0.2) / 4.
        assertThat(OutcomeMetrics.ece(y, p, 10)).isCloseTo(0.3375, within(1e-12));
        assertThat(OutcomeMetrics.rmse(new double[] {1, 2}, new double[] {2, 4})).isCloseTo(Math.sqrt(2.5), within(1e-12));
    }

    @Test
    void calibrationSlopeAndInterceptRecoverADistortion() {
        Random rng = new Random(3);
        int n = 20000;
        double[] y = new double[n];
        double[] calibrated = new double[n];
        double[] overconfident = new double[n];
        for (int i = 0; i < n; i++) {
            double logit = rng.nextGaussian() * 1.5;
            calibrated[i] = 1 / (1 + Math.exp(-logit));
            overconfident[i] = 1 / (1 + Math.exp(-(2 * logit - 0.5))); // true = sigmoid(0.25 + 0.5 * logit')
            y[i] = rng.nextDouble() < calibrated[i] ? 1 : 0;
        }
        double[] ok = OutcomeMetrics.calibration(y, calibrated);
        assertThat(ok[0]).isCloseTo(0, within(0.06));
        assertThat(ok[1]).isCloseTo(1, within(0.06));
        double[] bad = OutcomeMetrics.calibration(y, overconfident);
        assertThat(bad[1]).isCloseTo(0.5, within(0.04));
        assertThat(bad[0]).isCloseTo(0.25, within(0.06));
    }

    @Test
    void regretPolicyValueAndPeheByHand() {
        double[][] truth = {{0.2, 0.5, 0.4}, {0.6, 0.1, 0.3}};
        double[][] predicted = {{0.1, 0.3, 0.6}, {0.7, 0.2, 0.1}};
        int[] chosen = EffectMetrics.choose(predicted, true);
        assertThat(chosen).containsExactly(2, 0);
        assertThat(EffectMetrics.policyValues(truth, chosen)).containsExactly(0.4, 0.6);
        assertThat(EffectMetrics.regrets(truth, chosen, true)[0]).isCloseTo(0.1, within(1e-12));
        assertThat(EffectMetrics.regrets(truth, chosen, true)[1]).isEqualTo(0.0);
        // Lower is better (e.g. adverse-event risk): choose argmin.
        int[] safest = EffectMetrics.choose(predicted, false);
        assertThat(safest).containsExactly(0, 2);
        assertThat(EffectMetrics.regrets(truth, safest, false)[1]).isCloseTo(0.2, within(1e-12));
        // Row 0 effects vs arm 0: predicted (0.2, 0.5), true (0.3, 0.2) -> errors -0.1, 0.3 -> mean sq 0.05.
        // Row 1: predicted (-0.5, -0.6), true (-0.5, -0.3) -> 0, -0.3 -> 0.045. √PEHE = √0.0475.
        assertThat(EffectMetrics.pehePerRow(predicted, truth, 0)[0]).isCloseTo(0.05, within(1e-12));
        assertThat(EffectMetrics.sqrtPehe(predicted, truth, 0)).isCloseTo(Math.sqrt(0.0475), within(1e-12));
        // ATE arm 1 vs 0: predicted mean effect (0.2 - 0.5) / 2 = -0.15, true (0.3 - 0.5) / 2 = -0.1 -> 0.05;
        // arm 2: (0.5 - 0.6) / 2 = -0.05 vs (0.2 - 0.3) / 2 = -0.05 -> 0.
        assertThat(EffectMetrics.ateError(predicted, truth, 1, 0)).isCloseTo(0.05, within(1e-12));
        assertThat(EffectMetrics.ateError(predicted, truth, 2, 0)).isCloseTo(0, within(1e-12));
    }

    @Test
    void evaluationReportsOverallAndPerSubgroupWithIntervals() {
        double[][] truth = {{0.2, 0.5}, {0.6, 0.1}, {0.3, 0.4}, {0.7, 0.2}};
        double[][] predicted = {{0.25, 0.45}, {0.5, 0.2}, {0.35, 0.3}, {0.6, 0.3}};
        CausalEvaluation eval = new CausalEvaluation(OutcomeType.BINARY, List.of("a", "b"), predicted,
                new int[] {0, 1, 1, -1}, new double[] {0, 0, 1, Double.NaN}, truth, true, 0);
        var report = eval.evaluate(Map.of("sex", List.of("f", "m", "f", "m")), 7, 200);
        assertThat(report.overall()).containsKeys("auc", "brier", "ece", "calibration_slope", "calibration_intercept",
                "sqrt_pehe", "ate_error", "ate_error:b", "policy_value", "oracle_value", "regret");
        Metric regret = report.overall().get("regret");
        // Only row 2 picks the worse arm (a: 0.3 instead of b: 0.4): regret 0.1 / 4 rows.
        assertThat(regret.value()).isCloseTo(0.025, within(1e-12));
        assertThat(regret.lower95()).isLessThanOrEqualTo(regret.value());
        assertThat(report.overall().get("brier").n()).isEqualTo(3);
        assertThat(report.subgroups().get("sex")).containsOnlyKeys("f", "m");
        assertThat(report.subgroups().get("sex").get("m").get("policy_value").value()).isCloseTo(0.65, within(1e-12));
    }
}
