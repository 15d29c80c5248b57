package org.precisionrx.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Confounded historical prescribing with positivity, and heterogeneous treatment effects. */
class PolicyTest {

    @ParameterizedTest
    @EnumSource(Indication.class)
    void everyArmKeepsPositivePrescribingProbability(Indication indication) {
        IndicationModel model = IndicationModel.of(indication);
        List<CohortRow> rows = Cohorts.of(indication);
        double min = 1;
        for (CohortRow r : rows.subList(0, 5000)) {
            double[] p = CohortSimulator.prescribingProbabilities(model, r.patient());
            assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
            for (double x : p) {
                min = Math.min(min, x);
            }
        }
        assertThat(min).isGreaterThanOrEqualTo(CohortSimulator.POSITIVITY_FLOOR - 1e-12);
        CohortSummary s = CohortSummary.of(indication, rows);
        for (double share : s.share()) {
            assertThat(share).isGreaterThan(0.02);
        }
    }

    @Test
    void prescribingIsConfoundedByAgeAndRenalFunction() {
        CohortSummary af = CohortSummary.of(Indication.AF_STROKE_PREVENTION, Cohorts.of(Indication.AF_STROKE_PREVENTION));
        int warf = Cohorts.arm(Indication.AF_STROKE_PREVENTION, "warfarin");
        int dabi = Cohorts.arm(Indication.AF_STROKE_PREVENTION, "dabigatran");
        assertThat(af.meanAge()[warf]).isGreaterThan(af.meanAge()[dabi] + 4);
        assertThat(af.meanCrcl()[warf]).isLessThan(af.meanCrcl()[dabi] - 10);
        CohortSummary acs = CohortSummary.of(Indication.ACS_PCI, Cohorts.of(Indication.ACS_PCI));
        assertThat(acs.meanAge()[Cohorts.arm(Indication.ACS_PCI, "clopidogrel")])
                .isGreaterThan(acs.meanAge()[Cohorts.arm(Indication.ACS_PCI, "prasugrel")] + 5);
        // The naive comparison is biased: observed benefit gap differs from the true average gap.
        int apix = Cohorts.arm(Indication.AF_STROKE_PREVENTION, "apixaban");
        double naiveGap = af.observedBenefit()[dabi] - af.observedBenefit()[apix];
        double trueGap = af.meanMu()[dabi] - af.meanMu()[apix];
        assertThat(naiveGap - trueGap).isGreaterThan(0.03);
    }

    @ParameterizedTest
    @EnumSource(Indication.class)
    void theBestArmDiffersAcrossPatientsAndOneArmForAllHasRegret(Indication indication) {
        CohortSummary s = CohortSummary.of(indication, Cohorts.of(indication));
        long armsBestForAtLeast5Percent = java.util.Arrays.stream(s.bestFraction()).filter(f -> f >= 0.05).count();
        assertThat(java.util.Arrays.stream(s.bestFraction()).max().orElseThrow()).isLessThanOrEqualTo(0.90);
        assertThat(armsBestForAtLeast5Percent).isGreaterThanOrEqualTo(2);
        assertThat(s.regretMostPrescribed()).isGreaterThan(0.01);
        for (double regret : s.regretAlways()) {
            assertThat(regret).isPositive();
        }
    }
}
