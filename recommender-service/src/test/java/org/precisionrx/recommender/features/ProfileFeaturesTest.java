package org.precisionrx.recommender.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.precisionrx.common.v1.Coding;
import org.precisionrx.profile.v1.Ancestry;
import org.precisionrx.profile.v1.Condition;
import org.precisionrx.profile.v1.ConditionCategory;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.DerivedValues;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.Genetics;
import org.precisionrx.profile.v1.History;
import org.precisionrx.profile.v1.Lifestyle;
import org.precisionrx.profile.v1.Medication;
import org.precisionrx.profile.v1.MedicationStatus;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.profile.v1.SmokingStatus;

class ProfileFeaturesTest {

    @Test
    void aFullProfileFillsEveryColumnAsTheSimulatorWritesIt() {
        PatientProfile profile = PatientProfile.newBuilder()
                .setDemographics(Demographics.newBuilder().setSexAtBirth(SexAtBirth.SEX_AT_BIRTH_FEMALE)
                        .setAncestry(Ancestry.ANCESTRY_ASIAN))
                .setDerived(DerivedValues.newBuilder().setAgeYears(71).setBmi(24.5).setCreatinineClearanceMlMin(48.2)
                        .setEgfrMlMin173M2(55))
                .setLifestyle(Lifestyle.newBuilder().setSmoking(SmokingStatus.SMOKING_STATUS_FORMER).setAlcoholUnitsPerWeek(3))
                .setHistory(History.newBuilder()
                        .addConditions(Condition.newBuilder().setActive(true)
                                .setCategory(ConditionCategory.CONDITION_CATEGORY_ATRIAL_FIBRILLATION).setCode(Coding.getDefaultInstance()))
                        .addConditions(Condition.newBuilder().setActive(false)
                                .setCategory(ConditionCategory.CONDITION_CATEGORY_PRIOR_MAJOR_BLEED))
                        .addMedications(Medication.newBuilder().setDrugId("amiodarone").setStatus(MedicationStatus.MEDICATION_STATUS_ACTIVE))
                        .addMedications(Medication.newBuilder().setDrugId("clarithromycin").setStatus(MedicationStatus.MEDICATION_STATUS_INACTIVE)))
                .setGenetics(Genetics.newBuilder()
                        .addResults(GeneResult.newBuilder().setGene("CYP2C19").setPhenotype("Poor Metabolizer"))
                        .addResults(GeneResult.newBuilder().setGene("CYP2D6").setPhenotype("Indeterminate")))
                .build();

        ProfileFeatures.Raw raw = ProfileFeatures.of(profile);

        assertThat(raw.columns()).containsEntry("age", "71").containsEntry("sex", "FEMALE").containsEntry("ancestry", "ASIAN")
                .containsEntry("bmi", "24.5").containsEntry("crcl_ml_min", "48.2").containsEntry("egfr", "55.0")
                .containsEntry("af", "1").containsEntry("prior_major_bleed", "1").containsEntry("heart_failure", "0")
                .containsEntry("smoking", "FORMER").containsEntry("alcohol_units_week", "3.0").containsEntry("high_vitamin_k", "0")
                .containsEntry("amiodarone", "1").containsEntry("strong_cyp3a4_inhibitor", "0")
                .containsEntry("cyp2c19", "Poor Metabolizer").containsEntry("cyp2d6", "UNKNOWN");
        assertThat(raw.missing()).contains("CYP2D6 phenotype", "VKORC1 phenotype").doesNotContain("CYP2C19 phenotype");
    }

    @Test
    void missingFactsAreNaNeverNormal() {
        ProfileFeatures.Raw raw = ProfileFeatures.of(PatientProfile.getDefaultInstance());
        assertThat(raw.columns()).containsEntry("age", "NA").containsEntry("crcl_ml_min", "NA").containsEntry("sex", "NA")
                .containsEntry("smoking", "NA");
        assertThat(raw.missing()).contains("age (birth date)", "creatinine clearance", "smoking status");
    }
}
