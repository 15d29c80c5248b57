package org.precisionrx.dosage.facts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.precisionrx.dosage.engine.InvalidRequestException;
import org.precisionrx.profile.v1.Ancestry;
import org.precisionrx.profile.v1.CarrierStatus;
import org.precisionrx.profile.v1.ConditionCategory;
import org.precisionrx.profile.v1.DietFlag;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.MedicationStatus;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.profile.v1.SmokingStatus;

/** Reads the facts the rules need from a profile as patient-profile-service serves it. */
public final class ProfileFacts {

    private static final String INDETERMINATE = "Indeterminate";

    private ProfileFacts() {
    }

    public static PatientFacts of(PatientProfile profile) {
        var derived = profile.getDerived();
        var demographics = profile.getDemographics();
        checkNumbers(profile);
        Map<String, String> phenotypes = new HashMap<>();
        Map<String, Double> scores = new HashMap<>();
        Map<String, String> diplotypes = new HashMap<>();
        for (GeneResult result : profile.getGenetics().getResultsList()) {
            boolean determinate = !result.getPhenotype().isBlank() && !INDETERMINATE.equals(result.getPhenotype());
            if (determinate) {
                phenotypes.put(result.getGene(), result.getPhenotype());
                if (result.hasActivityScore()) {
                    scores.put(result.getGene(), result.getActivityScore());
                }
            }
            if (!result.getDiplotype().isBlank()) {
                diplotypes.put(result.getGene(), result.getDiplotype());
            }
        }
        Map<String, Boolean> hla = new HashMap<>();
        profile.getGenetics().getHlaList().forEach(h -> {
            if (h.getStatus() == CarrierStatus.CARRIER_STATUS_POSITIVE || h.getStatus() == CarrierStatus.CARRIER_STATUS_NEGATIVE) {
                hla.put(h.getAllele(), h.getStatus() == CarrierStatus.CARRIER_STATUS_POSITIVE);
            }
        });
        Set<String> medications = new HashSet<>();
        profile.getHistory().getMedicationsList().stream()
                .filter(m -> m.getStatus() == MedicationStatus.MEDICATION_STATUS_ACTIVE && !m.getDrugId().isBlank())
                .forEach(m -> medications.add(m.getDrugId()));
        Set<String> conditions = new HashSet<>();
        profile.getHistory().getConditionsList().stream()
                .filter(c -> c.getActive() && c.getCategory() != ConditionCategory.CONDITION_CATEGORY_UNSPECIFIED
                        && c.getCategory() != ConditionCategory.UNRECOGNIZED)
                .forEach(c -> conditions.add(c.getCategory().name().substring("CONDITION_CATEGORY_".length())));
        Set<String> diet = new HashSet<>();
        profile.getLifestyle().getDietFlagsList().stream()
                .filter(f -> f != DietFlag.DIET_FLAG_UNSPECIFIED && f != DietFlag.UNRECOGNIZED)
                .forEach(f -> diet.add(f.name().substring("DIET_FLAG_".length())));
        return new PatientFacts(
                derived.hasAgeYears() ? derived.getAgeYears() : null,
                sex(demographics.getSexAtBirth()),
                demographics.hasWeightKg() ? demographics.getWeightKg() : null,
                demographics.hasHeightCm() ? demographics.getHeightCm() : null,
                derived.hasCreatinineClearanceMlMin() ? derived.getCreatinineClearanceMlMin() : null,
                derived.hasEgfrMlMin173M2() ? derived.getEgfrMlMin173M2() : null,
                derived.hasSerumCreatinineMgDl() ? derived.getSerumCreatinineMgDl() : null,
                phenotypes, scores, diplotypes, hla, medications, conditions, diet,
                smoking(profile.getLifestyle().getSmoking()),
                ancestry(demographics.getAncestry()));
    }

    /** Inline profiles come from callers: a NaN, infinite or negative measure is rejected, never dosed from. */
    private static void checkNumbers(PatientProfile profile) {
        var d = profile.getDemographics();
        var v = profile.getDerived();
        check("profile.demographics.weight_kg", d.hasWeightKg(), d.getWeightKg());
        check("profile.demographics.height_cm", d.hasHeightCm(), d.getHeightCm());
        check("profile.derived.age_years", v.hasAgeYears(), v.getAgeYears());
        check("profile.derived.creatinine_clearance_ml_min", v.hasCreatinineClearanceMlMin(), v.getCreatinineClearanceMlMin());
        check("profile.derived.egfr_ml_min_1_73m2", v.hasEgfrMlMin173M2(), v.getEgfrMlMin173M2());
        check("profile.derived.serum_creatinine_mg_dl", v.hasSerumCreatinineMgDl(), v.getSerumCreatinineMgDl());
    }

    private static void check(String field, boolean present, double value) {
        if (present && (!Double.isFinite(value) || value < 0)) {
            throw new InvalidRequestException("subject." + field, "must be a finite, non-negative number");
        }
    }

    private static String sex(SexAtBirth sex) {
        return switch (sex) {
            case SEX_AT_BIRTH_FEMALE -> "FEMALE";
            case SEX_AT_BIRTH_MALE -> "MALE";
            default -> null;
        };
    }

    private static String smoking(SmokingStatus smoking) {
        return switch (smoking) {
            case SMOKING_STATUS_NEVER -> "NEVER";
            case SMOKING_STATUS_FORMER -> "FORMER";
            case SMOKING_STATUS_CURRENT -> "CURRENT";
            default -> null;
        };
    }

    private static String ancestry(Ancestry ancestry) {
        return switch (ancestry) {
            case ANCESTRY_UNSPECIFIED, ANCESTRY_DECLINED, UNRECOGNIZED -> null;
            default -> ancestry.name().substring("ANCESTRY_".length());
        };
    }
}
