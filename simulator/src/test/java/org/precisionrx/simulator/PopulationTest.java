package org.precisionrx.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documented marginal distributions (docs/simulator.md) hold in a 50,000-patient cohort. */
class PopulationTest {

    /** CYP2C19 poor metabolizer frequency by ancestry as documented (expected under Hardy-Weinberg). */
    private static final Map<Ancestry, Double> CYP2C19_PM = Map.of(Ancestry.WHITE, 0.023,
            Ancestry.BLACK_OR_AFRICAN_AMERICAN, 0.033, Ancestry.ASIAN, 0.130, Ancestry.OTHER, 0.013);
    /** SLCO1B1 decreased + poor function, VKORC1 -1639 AA, CYP2D6 PM as documented. */
    private static final Map<Ancestry, Double> SLCO1B1_NOT_NORMAL = Map.of(Ancestry.WHITE, 0.294,
            Ancestry.BLACK_OR_AFRICAN_AMERICAN, 0.059, Ancestry.ASIAN, 0.226, Ancestry.OTHER, 0.226);
    private static final Map<Ancestry, Double> VKORC1_AA = Map.of(Ancestry.WHITE, 0.152,
            Ancestry.BLACK_OR_AFRICAN_AMERICAN, 0.012, Ancestry.ASIAN, 0.828, Ancestry.OTHER, 0.160);

    @Test
    void documentedPhenotypeFrequenciesMatchTheAlleleTables() {
        for (Ancestry a : Ancestry.values()) {
            assertThat(Pharmacogenetics.expectedPhenotypes(Gene.CYP2C19, a).get(Pharmacogenetics.PM))
                    .isCloseTo(CYP2C19_PM.get(a), within(0.001));
            assertThat(Pharmacogenetics.expectedPhenotypes(Gene.VKORC1, a).get(Pharmacogenetics.VKORC1_AA))
                    .isCloseTo(VKORC1_AA.get(a), within(0.001));
            Map<String, Double> slco = Pharmacogenetics.expectedPhenotypes(Gene.SLCO1B1, a);
            assertThat(1 - slco.get(Pharmacogenetics.NORMAL_FUNCTION)).isCloseTo(SLCO1B1_NOT_NORMAL.get(a), within(0.002));
        }
    }

    @Test
    void sampledPhenotypeFrequenciesByAncestryAreWithinTolerance() {
        List<CohortRow> rows = Cohorts.of(Indication.HYPERLIPIDAEMIA);
        for (Ancestry a : Ancestry.values()) {
            List<Patient> group = rows.stream().map(CohortRow::patient).filter(p -> p.ancestry() == a).toList();
            assertThat(group.size()).isGreaterThan(2000);
            check(group, Gene.CYP2C19, Pharmacogenetics.PM, CYP2C19_PM.get(a));
            check(group, Gene.VKORC1, Pharmacogenetics.VKORC1_AA, VKORC1_AA.get(a));
            double notNormal = group.stream().filter(p -> !p.phenotype(Gene.SLCO1B1)
                    .equals(Pharmacogenetics.NORMAL_FUNCTION)).count() / (double) group.size();
            assertThat(notNormal).isCloseTo(SLCO1B1_NOT_NORMAL.get(a), within(tolerance(SLCO1B1_NOT_NORMAL.get(a), group.size())));
        }
    }

    private static void check(List<Patient> group, Gene gene, String phenotype, double expected) {
        double observed = group.stream().filter(p -> p.phenotype(gene).equals(phenotype)).count() / (double) group.size();
        assertThat(observed).as("%s %s", gene, phenotype).isCloseTo(expected, within(tolerance(expected, group.size())));
    }

    /** Four binomial standard errors, at least 0.5 percentage points. */
    private static double tolerance(double p, int n) {
        return Math.max(0.005, 4 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void ageSexAncestryAndTestingFollowTheProfiles() {
        List<Patient> af = Cohorts.of(Indication.AF_STROKE_PREVENTION).stream().map(CohortRow::patient).toList();
        List<Patient> dep = Cohorts.of(Indication.DEPRESSION).stream().map(CohortRow::patient).toList();
        assertThat(af.stream().mapToInt(Patient::age).average().orElseThrow()).isBetween(71.5, 74.0);
        assertThat(dep.stream().mapToInt(Patient::age).average().orElseThrow()).isBetween(44.0, 47.5);
        assertThat(af.stream().allMatch(p -> p.age() >= 18)).isTrue();
        assertThat(share(af, Patient::isFemale)).isCloseTo(0.42, within(0.015));
        assertThat(share(dep, Patient::isFemale)).isCloseTo(0.65, within(0.015));
        assertThat(share(af, p -> p.ancestry() == Ancestry.WHITE)).isCloseTo(0.62, within(0.015));
        assertThat(share(af, p -> p.ancestry() == Ancestry.ASIAN)).isCloseTo(0.07, within(0.008));
        assertThat(share(af, p -> !p.pgxTested())).isCloseTo(CohortSimulator.DEFAULT_UNTESTED_FRACTION, within(0.01));
        assertThat(share(af, p -> p.age() >= 80)).isGreaterThan(share(dep, p -> p.age() >= 80) + 0.1);
    }

    @Test
    void conditionsCohereWithTheIndication() {
        List<Patient> af = Cohorts.of(Indication.AF_STROKE_PREVENTION).stream().map(CohortRow::patient).toList();
        List<Patient> lipid = Cohorts.of(Indication.HYPERLIPIDAEMIA).stream().map(CohortRow::patient).toList();
        assertThat(share(af, p -> p.has(Comorbidity.ATRIAL_FIBRILLATION))).isEqualTo(1.0);
        assertThat(share(lipid, p -> p.has(Comorbidity.ATRIAL_FIBRILLATION))).isBetween(0.02, 0.10);
        assertThat(share(af, p -> p.has(Comorbidity.HYPERTENSION))).isGreaterThan(share(lipid, p -> p.has(Comorbidity.HYPERTENSION)) + 0.2);
        assertThat(share(af, p -> p.has(Comorbidity.HEART_FAILURE))).isGreaterThan(share(lipid, p -> p.has(Comorbidity.HEART_FAILURE)) + 0.15);
        assertThat(share(af, p -> p.amiodarone())).isGreaterThan(share(lipid, p -> p.amiodarone()) + 0.05);
        // Coded CKD follows eGFR; renal values are consistent with each other.
        assertThat(share(af.stream().filter(p -> p.egfr() < 60).toList(), p -> p.has(Comorbidity.CHRONIC_KIDNEY_DISEASE))).isGreaterThan(0.7);
        assertThat(share(af.stream().filter(p -> p.egfr() >= 60).toList(), p -> p.has(Comorbidity.CHRONIC_KIDNEY_DISEASE))).isLessThan(0.05);
        assertThat(share(af, p -> p.egfr() < 60)).isBetween(0.25, 0.6);
        assertThat(af.stream().allMatch(p -> p.bmi() >= 14 && p.bmi() <= 60 && p.crcl() > 0 && p.egfr() > 0)).isTrue();
    }

    private static double share(List<Patient> patients, java.util.function.Predicate<Patient> f) {
        return patients.stream().filter(f).count() / (double) patients.size();
    }
}
