package org.precisionrx.recommender.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.precisionrx.profile.v1.Condition;
import org.precisionrx.profile.v1.ConditionCategory;
import org.precisionrx.profile.v1.DietFlag;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.MedicationStatus;
import org.precisionrx.profile.v1.PatientProfile;

/**
 * Turns a profile into the raw feature columns the ranking models were trained on (the cohort
 * simulator's columns, see docs/simulator.md). Values are strings so that a cohort CSV row and a
 * served profile go through the same encoder. A missing value is {@code NA}, never a normal value.
 */
public final class ProfileFeatures {

    public static final String MISSING = "NA";
    public static final String UNKNOWN_PHENOTYPE = "UNKNOWN";

    /** Genes the models read, with the column each fills. */
    public static final Map<String, String> GENES = Map.of(
            "CYP2C19", "cyp2c19", "CYP2C9", "cyp2c9", "VKORC1", "vkorc1",
            "SLCO1B1", "slco1b1", "CYP2D6", "cyp2d6", "ABCG2", "abcg2");

    private static final Map<String, String> CONDITIONS = Map.of(
            "ATRIAL_FIBRILLATION", "af", "CHRONIC_KIDNEY_DISEASE", "ckd", "LIVER_DISEASE", "liver_disease",
            "PRIOR_MAJOR_BLEED", "prior_major_bleed", "PRIOR_STROKE", "prior_stroke", "HEART_FAILURE", "heart_failure",
            "DIABETES", "diabetes", "HYPERTENSION", "hypertension");

    private static final Set<String> STRONG_CYP3A4_INHIBITORS =
            Set.of("clarithromycin", "ketoconazole", "itraconazole", "ritonavir", "posaconazole", "voriconazole");

    /** The raw columns, and the facts that were missing (for completeness warnings). */
    public record Raw(Map<String, String> columns, List<String> missing) {
    }

    private ProfileFeatures() {
    }

    public static Raw of(PatientProfile profile) {
        Map<String, String> raw = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        var derived = profile.getDerived();
        var demographics = profile.getDemographics();
        put(raw, missing, "age", derived.hasAgeYears() ? String.valueOf(derived.getAgeYears()) : null, "age (birth date)");
        put(raw, missing, "sex", switch (demographics.getSexAtBirth()) {
            case SEX_AT_BIRTH_FEMALE -> "FEMALE";
            case SEX_AT_BIRTH_MALE -> "MALE";
            default -> null;
        }, "sex at birth");
        put(raw, missing, "ancestry", switch (demographics.getAncestry()) {
            case ANCESTRY_WHITE -> "WHITE";
            case ANCESTRY_BLACK_OR_AFRICAN_AMERICAN -> "BLACK_OR_AFRICAN_AMERICAN";
            case ANCESTRY_ASIAN -> "ASIAN";
            case ANCESTRY_UNSPECIFIED, ANCESTRY_DECLINED, UNRECOGNIZED -> null;
            default -> "OTHER";
        }, "self-reported ancestry");
        put(raw, missing, "bmi", derived.hasBmi() ? String.valueOf(derived.getBmi()) : null, "BMI (weight and height)");
        put(raw, missing, "crcl_ml_min", derived.hasCreatinineClearanceMlMin()
                ? String.valueOf(derived.getCreatinineClearanceMlMin()) : null, "creatinine clearance");
        put(raw, missing, "egfr", derived.hasEgfrMlMin173M2() ? String.valueOf(derived.getEgfrMlMin173M2()) : null, "eGFR");
        conditions(profile, raw);
        lifestyle(profile, raw, missing);
        medications(profile, raw);
        genes(profile, raw, missing);
        return new Raw(raw, List.copyOf(missing));
    }

    private static void conditions(PatientProfile profile, Map<String, String> raw) {
        CONDITIONS.values().forEach(column -> raw.put(column, "0"));
        for (Condition condition : profile.getHistory().getConditionsList()) {
            if (condition.getActive() || condition.getCategory() == ConditionCategory.CONDITION_CATEGORY_PRIOR_MAJOR_BLEED
                    || condition.getCategory() == ConditionCategory.CONDITION_CATEGORY_PRIOR_STROKE) {
                String name = condition.getCategory().name().replace("CONDITION_CATEGORY_", "");
                if (CONDITIONS.containsKey(name)) {
                    raw.put(CONDITIONS.get(name), "1");
                }
            }
        }
    }

    private static void lifestyle(PatientProfile profile, Map<String, String> raw, List<String> missing) {
        var lifestyle = profile.getLifestyle();
        put(raw, missing, "smoking", switch (lifestyle.getSmoking()) {
            case SMOKING_STATUS_NEVER -> "NEVER";
            case SMOKING_STATUS_FORMER -> "FORMER";
            case SMOKING_STATUS_CURRENT -> "CURRENT";
            default -> null;
        }, "smoking status");
        put(raw, missing, "alcohol_units_week",
                lifestyle.hasAlcoholUnitsPerWeek() ? String.valueOf(lifestyle.getAlcoholUnitsPerWeek()) : null, "alcohol intake");
        raw.put("high_vitamin_k", lifestyle.getDietFlagsList().contains(DietFlag.DIET_FLAG_HIGH_VITAMIN_K_INTAKE) ? "1" : "0");
    }

    private static void medications(PatientProfile profile, Map<String, String> raw) {
        Set<String> active = new java.util.HashSet<>();
        profile.getHistory().getMedicationsList().stream()
                .filter(m -> m.getStatus() == MedicationStatus.MEDICATION_STATUS_ACTIVE)
                .forEach(m -> active.add(m.getDrugId()));
        raw.put("amiodarone", active.contains("amiodarone") ? "1" : "0");
        raw.put("omeprazole", active.contains("omeprazole") || active.contains("esomeprazole") ? "1" : "0");
        raw.put("strong_cyp3a4_inhibitor", active.stream().anyMatch(STRONG_CYP3A4_INHIBITORS::contains) ? "1" : "0");
    }

    private static void genes(PatientProfile profile, Map<String, String> raw, List<String> missing) {
        GENES.values().forEach(column -> raw.put(column, UNKNOWN_PHENOTYPE));
        for (GeneResult result : profile.getGenetics().getResultsList()) {
            String column = GENES.get(result.getGene());
            boolean determinate = !result.getPhenotype().isBlank() && !"Indeterminate".equals(result.getPhenotype());
            if (column != null && determinate) {
                raw.put(column, result.getPhenotype());
            }
        }
        GENES.forEach((gene, column) -> {
            if (UNKNOWN_PHENOTYPE.equals(raw.get(column))) {
                missing.add(gene + " phenotype");
            }
        });
    }

    private static void put(Map<String, String> raw, List<String> missing, String column, String value, String fact) {
        raw.put(column, value == null ? MISSING : value);
        if (value == null) {
            missing.add(fact);
        }
    }
}
