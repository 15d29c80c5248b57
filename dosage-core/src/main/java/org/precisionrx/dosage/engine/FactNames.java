package org.precisionrx.dosage.engine;

/** Plain words for the facts a rule can ask for, so that a missing one is named as a pharmacist would. */
final class FactNames {

    private FactNames() {
    }

    static String describe(String fact) {
        if (fact.startsWith("phenotype:")) {
            return "a " + fact.substring("phenotype:".length()) + " genotype result";
        }
        if (fact.startsWith("activityScore:")) {
            return "a " + fact.substring("activityScore:".length()) + " activity score (genotype result)";
        }
        if (fact.startsWith("hla:")) {
            return fact.substring("hla:".length()) + " carrier status";
        }
        return switch (fact) {
            case "crclMlMin" -> "creatinine clearance (Cockcroft-Gault needs serum creatinine, weight, age and sex)";
            case "egfr" -> "eGFR (a reported eGFR, or serum creatinine with age and sex)";
            case "serumCreatinineMgDl" -> "serum creatinine";
            case "ageYears" -> "age (birth date)";
            case "weightKg" -> "body weight";
            case "heightCm" -> "body height";
            case "ancestry" -> "self-reported ancestry";
            case "smoking" -> "smoking status";
            default -> fact;
        };
    }
}
