package org.precisionrx.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Effect directions documented in docs/simulator.md hold in the truth columns of large cohorts. */
class OutcomeModelTest {

    private static Predicate<CohortRow> phenotype(Gene gene, String phenotype) {
        return r -> r.patient().phenotype(gene).equals(phenotype);
    }

    @Test
    void clopidogrelLosesToTicagrelorInCyp2c19PoorAndIntermediateMetabolizers() {
        Indication acs = Indication.ACS_PCI;
        List<CohortRow> rows = Cohorts.of(acs);
        int clop = Cohorts.arm(acs, "clopidogrel");
        int tica = Cohorts.arm(acs, "ticagrelor");
        double nm = Cohorts.mean(rows, phenotype(Gene.CYP2C19, Pharmacogenetics.NM), r -> r.mu()[clop] - r.mu()[tica]);
        double im = Cohorts.mean(rows, phenotype(Gene.CYP2C19, Pharmacogenetics.IM), r -> r.mu()[clop] - r.mu()[tica]);
        double pm = Cohorts.mean(rows, phenotype(Gene.CYP2C19, Pharmacogenetics.PM), r -> r.mu()[clop] - r.mu()[tica]);
        assertThat(pm).isLessThan(im - 0.005);
        assertThat(im).isLessThan(nm - 0.02);
        assertThat(pm).isNegative();
    }

    @Test
    void prasugrelBleedsMoreAfterStrokeAndInTheElderly() {
        Indication acs = Indication.ACS_PCI;
        List<CohortRow> rows = Cohorts.of(acs);
        int pras = Cohorts.arm(acs, "prasugrel");
        int clop = Cohorts.arm(acs, "clopidogrel");
        Predicate<CohortRow> stroke = r -> r.patient().has(Comorbidity.PRIOR_STROKE);
        assertThat(Cohorts.mean(rows, stroke, r -> r.saeProbability()[pras] / r.saeProbability()[clop]))
                .isGreaterThan(2.0 * Cohorts.mean(rows, stroke.negate(), r -> r.saeProbability()[pras] / r.saeProbability()[clop]));
        assertThat(Cohorts.mean(rows, r -> r.patient().age() >= 75, r -> r.saeProbability()[pras]))
                .isGreaterThan(Cohorts.mean(rows, r -> r.patient().age() < 65, r -> r.saeProbability()[pras]) * 1.5);
    }

    @Test
    void simvastatinMyopathyRisesWithSlco1b1FunctionLossAndRosuvastatinWithAbcg2() {
        Indication lipid = Indication.HYPERLIPIDAEMIA;
        List<CohortRow> rows = Cohorts.of(lipid);
        int simva = Cohorts.arm(lipid, "simvastatin");
        int rosu = Cohorts.arm(lipid, "rosuvastatin");
        double normal = Cohorts.mean(rows, phenotype(Gene.SLCO1B1, Pharmacogenetics.NORMAL_FUNCTION), r -> r.saeProbability()[simva]);
        double decreased = Cohorts.mean(rows, phenotype(Gene.SLCO1B1, Pharmacogenetics.DECREASED_FUNCTION), r -> r.saeProbability()[simva]);
        double poor = Cohorts.mean(rows, phenotype(Gene.SLCO1B1, Pharmacogenetics.POOR_FUNCTION), r -> r.saeProbability()[simva]);
        assertThat(decreased).isGreaterThan(normal * 1.5);
        assertThat(poor).isGreaterThan(decreased * 1.5);
        assertThat(Cohorts.mean(rows, phenotype(Gene.ABCG2, Pharmacogenetics.POOR_FUNCTION), r -> r.saeProbability()[rosu]))
                .isGreaterThan(2 * Cohorts.mean(rows, phenotype(Gene.ABCG2, Pharmacogenetics.NORMAL_FUNCTION), r -> r.saeProbability()[rosu]));
        assertThat(Cohorts.mean(rows, r -> r.patient().strongCyp3a4Inhibitor(), r -> r.saeProbability()[simva]))
                .isGreaterThan(3 * Cohorts.mean(rows, r -> !r.patient().strongCyp3a4Inhibitor(), r -> r.saeProbability()[simva]));
    }

    @Test
    void dabigatranBleedingRisesAsCreatinineClearanceFalls() {
        Indication af = Indication.AF_STROKE_PREVENTION;
        List<CohortRow> rows = Cohorts.of(af);
        int dabi = Cohorts.arm(af, "dabigatran");
        int apix = Cohorts.arm(af, "apixaban");
        double high = Cohorts.mean(rows, r -> r.patient().crcl() >= 80, r -> r.saeProbability()[dabi]);
        double mid = Cohorts.mean(rows, r -> r.patient().crcl() >= 30 && r.patient().crcl() < 50, r -> r.saeProbability()[dabi]);
        double low = Cohorts.mean(rows, r -> r.patient().crcl() < 30, r -> r.saeProbability()[dabi]);
        assertThat(mid).isGreaterThan(high * 1.5);
        assertThat(low).isGreaterThan(mid * 1.5);
        // Apixaban depends least on the kidney: its SAE ratio to dabigatran falls with CrCl.
        assertThat(Cohorts.mean(rows, r -> r.patient().crcl() < 30, r -> r.saeProbability()[apix] / r.saeProbability()[dabi]))
                .isLessThan(Cohorts.mean(rows, r -> r.patient().crcl() >= 80, r -> r.saeProbability()[apix] / r.saeProbability()[dabi]));
    }

    @Test
    void warfarinDoesWorseInSensitiveGenotypesAndWithHighVitaminK() {
        Indication af = Indication.AF_STROKE_PREVENTION;
        List<CohortRow> rows = Cohorts.of(af);
        int warf = Cohorts.arm(af, "warfarin");
        assertThat(Cohorts.mean(rows, r -> AfModel.sensitivity(r.patient()) >= 3, r -> r.mu()[warf]))
                .isLessThan(Cohorts.mean(rows, r -> AfModel.sensitivity(r.patient()) == 0, r -> r.mu()[warf]) - 0.02);
        assertThat(Cohorts.mean(rows, r -> AfModel.sensitivity(r.patient()) >= 3, r -> r.saeProbability()[warf]))
                .isGreaterThan(Cohorts.mean(rows, r -> AfModel.sensitivity(r.patient()) == 0, r -> r.saeProbability()[warf]) * 1.3);
        assertThat(Cohorts.mean(rows, r -> r.patient().highVitaminK(), r -> r.mu()[warf]))
                .isLessThan(Cohorts.mean(rows, r -> !r.patient().highVitaminK(), r -> r.mu()[warf]));
    }

    @Test
    void ssriOutcomesFollowCyp2c19AndCyp2d6() {
        Indication dep = Indication.DEPRESSION;
        List<CohortRow> rows = Cohorts.of(dep);
        int parox = Cohorts.arm(dep, "paroxetine");
        int cit = Cohorts.arm(dep, "citalopram");
        int escit = Cohorts.arm(dep, "escitalopram");
        double paroxNm = Cohorts.mean(rows, phenotype(Gene.CYP2D6, Pharmacogenetics.NM), r -> r.mu()[parox]);
        assertThat(Cohorts.mean(rows, phenotype(Gene.CYP2D6, Pharmacogenetics.PM), r -> r.mu()[parox])).isLessThan(paroxNm - 0.02);
        assertThat(Cohorts.mean(rows, phenotype(Gene.CYP2D6, Pharmacogenetics.UM), r -> r.mu()[parox])).isLessThan(paroxNm - 0.1);
        assertThat(Cohorts.mean(rows, phenotype(Gene.CYP2C19, Pharmacogenetics.PM), r -> r.saeProbability()[cit]))
                .isGreaterThan(1.8 * Cohorts.mean(rows, phenotype(Gene.CYP2C19, Pharmacogenetics.NM), r -> r.saeProbability()[cit]));
        assertThat(Cohorts.mean(rows, phenotype(Gene.CYP2C19, Pharmacogenetics.UM), r -> r.mu()[escit]))
                .isLessThan(Cohorts.mean(rows, phenotype(Gene.CYP2C19, Pharmacogenetics.NM), r -> r.mu()[escit]) - 0.1);
    }

    @Test
    void lifestyleContributes() {
        Indication dep = Indication.DEPRESSION;
        List<CohortRow> rows = Cohorts.of(dep);
        int sert = Cohorts.arm(dep, "sertraline");
        assertThat(Cohorts.mean(rows, r -> r.patient().alcoholUnitsWeek() >= 35, r -> r.mu()[sert]))
                .isLessThan(Cohorts.mean(rows, r -> r.patient().alcoholUnitsWeek() == 0, r -> r.mu()[sert]) - 0.1);
        assertThat(Cohorts.mean(rows, r -> r.patient().smoking() == Smoking.CURRENT, r -> r.mu()[sert]))
                .isLessThan(Cohorts.mean(rows, r -> r.patient().smoking() == Smoking.NEVER, r -> r.mu()[sert]));
    }

    @Test
    void probabilitiesArePlausibleAndBenefitExcludesSae() {
        for (Indication i : Indication.values()) {
            for (CohortRow r : Cohorts.of(i)) {
                for (int k = 0; k < i.armCount(); k++) {
                    assertThat(r.saeProbability()[k]).isBetween(0.002, 0.35);
                    assertThat(r.mu()[k]).isBetween(0.02, 1 - r.saeProbability()[k]);
                }
                assertThat(r.benefit() && r.sae()).isFalse();
            }
            double meanMu = Cohorts.mean(Cohorts.of(i), r -> true, r -> r.mu()[r.treatment()]);
            assertThat(meanMu).as(i.id).isBetween(0.45, 0.9);
            double factual = Cohorts.mean(Cohorts.of(i), r -> true, r -> r.benefit() ? 1 : 0);
            assertThat(factual).as("factual benefit rate tracks the truth").isCloseTo(meanMu, org.assertj.core.api.Assertions.within(0.015));
        }
    }
}
