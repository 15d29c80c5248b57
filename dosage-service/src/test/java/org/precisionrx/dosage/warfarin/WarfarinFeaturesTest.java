package org.precisionrx.dosage.warfarin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.warfarin.WarfarinFeatures.Sex;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Cyp2c9;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Race;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Vkorc1;
import org.precisionrx.ml.feature.FeatureEncoder;
import org.precisionrx.ml.feature.FeatureSpec;

/** Golden tests: a patient described by PatientFacts and by an IWPC cohort row must encode identically. */
class WarfarinFeaturesTest {

    static PatientFacts facts(Integer age, String sex, Double weight, Double height, Map<String, String> phenotypes,
                              Map<String, String> diplotypes, Set<String> meds, String smoking, String ancestry) {
        return new PatientFacts(age, sex, weight, height, 90.0, 90.0, 1.0, phenotypes, Map.of(), diplotypes, Map.of(),
                meds, Set.of(), Set.of(), smoking, ancestry);
    }

    static Map<String, String> cohortRow(String age, String gender, String height, String weight, String race,
                                         String vkorc1, String cyp2c9, Map<String, String> extra) {
        Map<String, String> row = new HashMap<>();
        row.put("PharmGKB Subject ID", "PA-test");
        row.put("Age", age);
        row.put("Gender", gender);
        row.put("Height (cm)", height);
        row.put("Weight (kg)", weight);
        row.put("Race", race);
        row.put("VKORC1 -1639 consensus", vkorc1);
        row.put("CYP2C9 consensus", cyp2c9);
        row.putAll(extra);
        return row;
    }

    private static FeatureEncoder encoder() throws Exception {
        try (var in = WarfarinFeaturesTest.class.getClassLoader()
                .getResourceAsStream(WarfarinArtifact.RESOURCE_DIR + "/" + FeatureSpec.FILE_NAME)) {
            return new FeatureEncoder(FeatureSpec.fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @Test
    void factsAndCohortRowGiveTheSameRawValuesAndVector() throws Exception {
        PatientFacts patient = facts(67, "FEMALE", 70.0, 165.1, Map.of("VKORC1", "-1639 AG"), Map.of("CYP2C9", "*1/*3"),
                Set.of("rifampicin", "atorvastatin", "metformin"), "CURRENT", "ASIAN");
        Map<String, String> row = cohortRow("60 - 69", "female", "165.10", "70.0", "Asian", "A/G", "*1/*3",
                Map.of("Rifampin or Rifampicin", "1", "Atorvastatin (Lipitor)", "1", "Current Smoker", "1",
                        "Amiodarone (Cordarone)", "0"));
        WarfarinFeatures fromFacts = WarfarinFeatures.fromFacts(patient);
        WarfarinFeatures fromRow = WarfarinFeatures.fromCohort(row);
        assertThat(fromFacts).isEqualTo(fromRow);
        assertThat(fromFacts.raw()).isEqualTo(fromRow.raw()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("age_decades", "6"), Map.entry("height_cm", "165.1"), Map.entry("weight_kg", "70.0"),
                Map.entry("vkorc1", "AG"), Map.entry("cyp2c9", "STAR1_STAR3"), Map.entry("race", "ASIAN"),
                Map.entry("sex", "FEMALE"), Map.entry("enzyme_inducer", "true"), Map.entry("amiodarone", "false"),
                Map.entry("current_smoker", "true"), Map.entry("statin", "true")));
        FeatureEncoder enc = encoder();
        assertThat(enc.encode(fromFacts.raw())).containsExactly(enc.encode(fromRow.raw()));
    }

    @Test
    void unknownsMapToTheExplicitUnknownCategoriesOnBothPaths() {
        // No genotypes, no sex, mixed ancestry, former smoker, amiodarone; NA drug columns count as "not taking".
        PatientFacts patient = facts(45, null, 92.5, 180.0, Map.of(), Map.of(), Set.of("Amiodarone"), "FORMER", "MIXED");
        Map<String, String> row = cohortRow("40 - 49", null, "180", "92.5", "Unknown", null, null,
                Map.of("Amiodarone (Cordarone)", "1", "Current Smoker", "0"));
        WarfarinFeatures a = WarfarinFeatures.fromFacts(patient);
        WarfarinFeatures b = WarfarinFeatures.fromCohort(row);
        assertThat(a).isEqualTo(b);
        assertThat(a.iwpc()).isEqualTo(new WarfarinInputs(4, 180.0, 92.5, Vkorc1.UNKNOWN, Cyp2c9.UNKNOWN,
                Race.MISSING_OR_MIXED, false, true));
        assertThat(a.sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(a.currentSmoker()).isFalse();
        assertThat(a.statin()).isFalse();
    }

    @Test
    void everyGenotypeAndAncestryMapsLikeTheCohort() {
        Map<String, String> vk = Map.of("-1639 GG", "G/G", "-1639 AG", "A/G", "-1639 AA", "A/A");
        vk.forEach((phenotype, genotype) -> assertThat(WarfarinFeatures.vkorc1(phenotype)).isEqualTo(IwpcCohort.vkorc1(genotype)));
        Map<String, String> race = Map.of("WHITE", "White", "ASIAN", "Asian",
                "BLACK_OR_AFRICAN_AMERICAN", "Black or African American", "OTHER", "Unknown");
        race.forEach((ancestry, cohort) -> assertThat(WarfarinFeatures.race(ancestry)).isEqualTo(IwpcCohort.race(cohort)));
        assertThat(WarfarinFeatures.race(null)).isEqualTo(Race.MISSING_OR_MIXED);
        for (String statin : WarfarinFeatures.STATINS) {
            PatientFacts p = facts(50, "MALE", 80.0, 178.0, Map.of(), Map.of(), Set.of(statin), null, "WHITE");
            assertThat(WarfarinFeatures.fromFacts(p).statin()).as(statin).isTrue();
        }
        for (String inducer : List.of("carbamazepine", "phenytoin", "rifampin", "rifampicin")) {
            PatientFacts p = facts(50, "MALE", 80.0, 178.0, Map.of(), Map.of(), Set.of(inducer), null, "WHITE");
            assertThat(WarfarinFeatures.fromFacts(p).iwpc().enzymeInducer()).as(inducer).isTrue();
        }
    }

    @Test
    void missingSizeOrAgeIsNamed() {
        PatientFacts p = facts(null, "MALE", null, 178.0, Map.of(), Map.of(), Set.of(), null, null);
        assertThat(WarfarinFeatures.missing(p)).containsExactly("ageYears", "weightKg");
    }
}
