package org.precisionrx.recommender.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.precisionrx.profile.v1.Ancestry;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.DerivedValues;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.Genetics;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.recommender.features.ProfileFeatures;
import org.precisionrx.recommender.model.IndicationModels;
import org.precisionrx.recommender.model.ModelLoader;
import org.precisionrx.recommender.model.ModelSet;
import org.precisionrx.recommender.v1.Contribution;

/** Explanations on the shipped models: complete (they add up) and in clinical words. */
class ExplainerTest {

    private static ModelSet models;

    @BeforeAll
    static void load() throws Exception {
        models = ModelLoader.loadShipped();
    }

    @AfterAll
    static void close() {
        models.byIndication().values().forEach(m -> {
            m.benefit().close();
            m.adverseEvents().close();
        });
    }

    @Test
    void contributionsSumToThePredictionMinusTheReference() {
        IndicationModels acs = models.forIndication("acs-pci").orElseThrow();
        PatientProfile profile = PatientProfile.newBuilder()
                .setDemographics(Demographics.newBuilder().setSexAtBirth(SexAtBirth.SEX_AT_BIRTH_MALE)
                        .setAncestry(Ancestry.ANCESTRY_WHITE))
                .setDerived(DerivedValues.newBuilder().setAgeYears(66).setBmi(27.1).setCreatinineClearanceMlMin(81)
                        .setEgfrMlMin173M2(84))
                .setGenetics(Genetics.newBuilder().addResults(GeneResult.newBuilder().setGene("CYP2C19").setPhenotype("Poor Metabolizer")))
                .build();
        var raw = ProfileFeatures.of(profile);
        float[] x = acs.encoder().encode(raw.columns());
        for (String drug : acs.arms()) {
            int arm = acs.arms().indexOf(drug);
            List<Contribution> all = Explainer.explain(acs.benefit(), raw.columns(), x, new int[] {arm}, 64).get(0);
            double sum = all.stream().mapToDouble(Contribution::getContribution).sum();
            double predicted = Estimates.of(acs.benefit().predict(new float[][] {x})[0], arm).mean() * 100.0;
            double reference = Explainer.reference(acs.benefit(), arm);
            assertThat(sum).as(drug).isCloseTo(predicted - reference, within(0.5));
            assertThat(all).extracting(Contribution::getFeature).contains("CYP2C19 poor metabolizer", "Age 66 years");
        }
    }

    @Test
    void explainingSeveralOptionsInOneCallGivesEachItsOwnExplanation() {
        IndicationModels acs = models.forIndication("acs-pci").orElseThrow();
        var raw = ProfileFeatures.of(PatientProfile.newBuilder()
                .setDerived(DerivedValues.newBuilder().setAgeYears(71).setBmi(31).setCreatinineClearanceMlMin(45))
                .build());
        float[] x = acs.encoder().encode(raw.columns());
        int[] arms = {2, 0, 1};

        List<List<Contribution>> together = Explainer.explain(acs.benefit(), raw.columns(), x, arms, 32);

        assertThat(together).hasSize(3);
        for (int i = 0; i < arms.length; i++) {
            assertThat(together.get(i)).isEqualTo(Explainer.explain(acs.benefit(), raw.columns(), x, new int[] {arms[i]}, 32).get(0));
        }
        assertThat(together.get(0)).isNotEqualTo(together.get(1));
        assertThat(Explainer.explain(acs.benefit(), raw.columns(), x, new int[0], 32)).isEmpty();
    }

    @Test
    void theTypicalPatientExplainsNothing() {
        IndicationModels acs = models.forIndication("acs-pci").orElseThrow();
        float[] typical = ReferencePatient.encoded(acs.benefit().featureSpec());
        List<Contribution> none = Explainer.explain(acs.benefit(), java.util.Map.of(), typical, new int[] {0}, 16).get(0);
        assertThat(none).allSatisfy(c -> assertThat(c.getContribution()).isCloseTo(0.0, within(1e-6)));
    }

    @Test
    void factorsReadAsAClinicianWouldSayThem() {
        assertThat(FactorWords.describe("cyp2c19", "Poor Metabolizer")).isEqualTo("CYP2C19 poor metabolizer");
        assertThat(FactorWords.describe("crcl_ml_min", "42.0")).isEqualTo("Creatinine clearance 42 mL/min");
        assertThat(FactorWords.describe("amiodarone", "1")).isEqualTo("Taking amiodarone");
        assertThat(FactorWords.describe("prior_major_bleed", "0")).isEqualTo("No prior major bleed");
        assertThat(FactorWords.describe("slco1b1", "UNKNOWN")).isEqualTo("SLCO1B1 not tested");
        assertThat(FactorWords.describe("egfr", "NA")).isEqualTo("eGFR unknown");
        assertThat(FactorWords.describe("vkorc1", "-1639 AA")).isEqualTo("VKORC1 -1639 AA");
    }
}
