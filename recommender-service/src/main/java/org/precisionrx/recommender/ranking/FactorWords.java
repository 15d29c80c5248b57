package org.precisionrx.recommender.ranking;

import java.util.Locale;
import java.util.Map;

/** Model features in the words a clinician uses, with the patient's value. */
final class FactorWords {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("age", "Age"), Map.entry("sex", "Sex"), Map.entry("ancestry", "Ancestry"), Map.entry("bmi", "BMI"),
            Map.entry("crcl_ml_min", "Creatinine clearance"), Map.entry("egfr", "eGFR"),
            Map.entry("af", "Atrial fibrillation"), Map.entry("ckd", "Chronic kidney disease"),
            Map.entry("liver_disease", "Liver disease"), Map.entry("prior_major_bleed", "Prior major bleed"),
            Map.entry("prior_stroke", "Prior stroke"), Map.entry("heart_failure", "Heart failure"),
            Map.entry("diabetes", "Diabetes"), Map.entry("hypertension", "Hypertension"), Map.entry("smoking", "Smoking"),
            Map.entry("alcohol_units_week", "Alcohol"), Map.entry("high_vitamin_k", "High vitamin K intake"),
            Map.entry("amiodarone", "Amiodarone"), Map.entry("omeprazole", "Proton-pump inhibitor"),
            Map.entry("strong_cyp3a4_inhibitor", "Strong CYP3A4 inhibitor"));

    private static final Map<String, String> UNITS = Map.of(
            "age", " years", "crcl_ml_min", " mL/min", "egfr", " mL/min/1.73 m²", "bmi", " kg/m²", "alcohol_units_week", " units/week");

    private FactorWords() {
    }

    /** e.g. "CYP2C19 poor metabolizer", "Creatinine clearance 42 mL/min", "Taking amiodarone". */
    static String describe(String feature, String value) {
        String gene = geneLabel(feature);
        if (gene != null) {
            if (value == null || "UNKNOWN".equals(value) || "NA".equals(value)) {
                return gene + " not tested";
            }
            // Genotype notations such as "-1639 AA" keep their case; phenotype words read lower-case.
            return gene + " " + (value.startsWith("-") ? value : value.toLowerCase(Locale.ROOT));
        }
        String label = LABELS.getOrDefault(feature, feature);
        if (value == null || value.equalsIgnoreCase("NA")) {
            return label + " unknown";
        }
        if (value.equals("1") || value.equals("0")) {
            boolean medication = feature.equals("amiodarone") || feature.equals("omeprazole") || feature.equals("strong_cyp3a4_inhibitor");
            if (medication) {
                return (value.equals("1") ? "Taking " : "Not taking ") + label.toLowerCase(Locale.ROOT);
            }
            return value.equals("1") ? label : "No " + label.toLowerCase(Locale.ROOT);
        }
        String unit = UNITS.getOrDefault(feature, "");
        return label + " " + (unit.isEmpty() ? value.toLowerCase(Locale.ROOT).replace('_', ' ') : trim(value) + unit);
    }

    private static String geneLabel(String feature) {
        return switch (feature) {
            case "cyp2c19", "cyp2c9", "cyp2d6", "vkorc1", "slco1b1", "abcg2" -> feature.toUpperCase(Locale.ROOT);
            default -> null;
        };
    }

    private static String trim(String number) {
        try {
            double v = Double.parseDouble(number);
            return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
        } catch (NumberFormatException e) {
            return number;
        }
    }
}
