package org.precisionrx.dosage.warfarin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Cyp2c9;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Race;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Vkorc1;
import org.precisionrx.ml.feature.Feature;

/**
 * What the warfarin dose model sees about a patient: the IWPC formula inputs plus the cohort
 * columns the service can also know at serving time (sex, current smoking, statin use).
 * A cohort row ({@link #fromCohort}) and {@link PatientFacts} ({@link #fromFacts}) both become this
 * record, and {@link #raw()} is the only way to the encoder's input, so training and serving
 * cannot encode differently. Cohort "NA" for a drug or smoking counts as "not present", exactly as
 * an absent medication counts at serving time (and as the IWPC formula treats the drug columns).
 */
public record WarfarinFeatures(WarfarinInputs iwpc, Sex sex, boolean currentSmoker, boolean statin) {

    public enum Sex { MALE, FEMALE, UNKNOWN }

    static final Set<String> STATINS =
            Set.of("simvastatin", "atorvastatin", "rosuvastatin", "pravastatin", "fluvastatin", "lovastatin");
    private static final Set<String> INDUCERS = Set.of("carbamazepine", "phenytoin", "rifampin", "rifampicin");
    private static final List<String> STATIN_COLUMNS = List.of("Simvastatin (Zocor)", "Atorvastatin (Lipitor)",
            "Rosuvastatin (Crestor)", "Pravastatin (Pravachol)", "Fluvastatin (Lescol)", "Lovastatin (Mevacor)");

    /** The feature definitions, in encoding order (fitted on the training rows by {@link WarfarinTraining}). */
    public static Feature[] definitions() {
        return new Feature[] {
            Feature.numeric("age_decades", false),
            Feature.numeric("height_cm", false),
            Feature.numeric("weight_kg", false),
            Feature.categorical("vkorc1", names(Vkorc1.values()), Vkorc1.UNKNOWN.name()),
            Feature.categorical("cyp2c9", names(Cyp2c9.values()), Cyp2c9.UNKNOWN.name()),
            Feature.categorical("race", names(Race.values()), Race.MISSING_OR_MIXED.name()),
            Feature.categorical("sex", names(Sex.values()), Sex.UNKNOWN.name()),
            Feature.bool("enzyme_inducer"),
            Feature.bool("amiodarone"),
            Feature.bool("current_smoker"),
            Feature.bool("statin"),
        };
    }

    /** Raw values for {@link org.precisionrx.ml.feature.FeatureEncoder#encode}: the single encoding path. */
    public Map<String, String> raw() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("age_decades", Integer.toString(iwpc.ageDecades()));
        raw.put("height_cm", Double.toString(iwpc.heightCm()));
        raw.put("weight_kg", Double.toString(iwpc.weightKg()));
        raw.put("vkorc1", iwpc.vkorc1().name());
        raw.put("cyp2c9", iwpc.cyp2c9().name());
        raw.put("race", iwpc.race().name());
        raw.put("sex", sex.name());
        raw.put("enzyme_inducer", Boolean.toString(iwpc.enzymeInducer()));
        raw.put("amiodarone", Boolean.toString(iwpc.amiodarone()));
        raw.put("current_smoker", Boolean.toString(currentSmoker));
        raw.put("statin", Boolean.toString(statin));
        return raw;
    }

    /** A cohort row's features, or null when age, height or weight is missing (the model cannot run). */
    public static WarfarinFeatures fromCohort(Map<String, String> row) {
        WarfarinInputs inputs = IwpcCohort.inputs(row);
        if (inputs == null) {
            return null;
        }
        String gender = row.get("Gender");
        Sex sex = "male".equalsIgnoreCase(gender) ? Sex.MALE : "female".equalsIgnoreCase(gender) ? Sex.FEMALE : Sex.UNKNOWN;
        boolean statin = STATIN_COLUMNS.stream().anyMatch(c -> "1".equals(row.get(c)));
        return new WarfarinFeatures(inputs, sex, "1".equals(row.get("Current Smoker")), statin);
    }

    /** The facts the model needs but the patient lacks, named as in {@link PatientFacts}. */
    public static List<String> missing(PatientFacts facts) {
        List<String> missing = new ArrayList<>();
        if (facts.ageYears() == null) {
            missing.add("ageYears");
        }
        if (facts.heightCm() == null) {
            missing.add("heightCm");
        }
        if (facts.weightKg() == null) {
            missing.add("weightKg");
        }
        return missing;
    }

    /** The features of a patient; call only when {@link #missing} is empty. */
    public static WarfarinFeatures fromFacts(PatientFacts facts) {
        if (!missing(facts).isEmpty()) {
            throw new IllegalArgumentException("missing " + missing(facts));
        }
        Set<String> meds = new java.util.HashSet<>();
        facts.activeMedications().forEach(m -> meds.add(m.toLowerCase(Locale.ROOT)));
        WarfarinInputs inputs = new WarfarinInputs(WarfarinInputs.decades(facts.ageYears()), facts.heightCm(),
                facts.weightKg(), vkorc1(facts.phenotypes().get("VKORC1")),
                WarfarinInputs.cyp2c9(facts.diplotypes().get("CYP2C9")), race(facts.ancestry()),
                meds.stream().anyMatch(INDUCERS::contains), meds.contains("amiodarone"));
        Sex sex = "MALE".equals(facts.sex()) ? Sex.MALE : "FEMALE".equals(facts.sex()) ? Sex.FEMALE : Sex.UNKNOWN;
        return new WarfarinFeatures(inputs, sex, "CURRENT".equals(facts.smoking()),
                meds.stream().anyMatch(STATINS::contains));
    }

    /** The VKORC1 phenotype as the profile service reports it ("-1639 AG"). */
    static Vkorc1 vkorc1(String phenotype) {
        if (phenotype == null) {
            return Vkorc1.UNKNOWN;
        }
        return switch (phenotype.strip()) {
            case "-1639 GG" -> Vkorc1.GG;
            case "-1639 AG", "-1639 GA" -> Vkorc1.AG;
            case "-1639 AA" -> Vkorc1.AA;
            default -> Vkorc1.UNKNOWN;
        };
    }

    static Race race(String ancestry) {
        if (ancestry == null) {
            return Race.MISSING_OR_MIXED;
        }
        return switch (ancestry) {
            case "WHITE" -> Race.WHITE;
            case "ASIAN" -> Race.ASIAN;
            case "BLACK_OR_AFRICAN_AMERICAN" -> Race.BLACK_OR_AFRICAN_AMERICAN;
            default -> Race.MISSING_OR_MIXED;
        };
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
