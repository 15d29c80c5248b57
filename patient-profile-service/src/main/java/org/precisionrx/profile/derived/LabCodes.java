package org.precisionrx.profile.derived;

import java.util.OptionalDouble;
import java.util.Set;

/** LOINC codes and units the derived values read. */
public final class LabCodes {

    /** Creatinine, serum or plasma (mass and substance concentration) and blood. */
    public static final Set<String> SERUM_CREATININE = Set.of("2160-0", "38483-4", "14682-9", "77140-2");

    /** eGFR reported by a laboratory (any equation), preferred over our own estimate. */
    public static final Set<String> REPORTED_EGFR = Set.of(
            "98979-8", "62238-1", "33914-3", "48642-3", "48643-1", "50044-7", "88293-6", "88294-4",
            "77147-7", "69405-9", "50210-4", "94677-2");

    /** µmol/L of creatinine per mg/dL (molar mass 113.12 g/mol). */
    private static final double UMOL_PER_MG_DL = 88.42;

    private LabCodes() {
    }

    /** Creatinine in mg/dL, or empty when the unit is not one we can convert without guessing. */
    public static OptionalDouble creatinineMgDl(double value, String ucumUnit) {
        return switch (ucumUnit.trim()) {
            case "mg/dL" -> OptionalDouble.of(value);
            case "mg/L" -> OptionalDouble.of(value / 10.0);
            case "umol/L", "µmol/L" -> OptionalDouble.of(value / UMOL_PER_MG_DL);
            case "mmol/L" -> OptionalDouble.of(value * 1000.0 / UMOL_PER_MG_DL);
            default -> OptionalDouble.empty();
        };
    }

    /** eGFR units we accept as mL/min/1.73 m². */
    public static boolean isEgfrUnit(String ucumUnit) {
        return switch (ucumUnit.trim()) {
            case "mL/min/{1.73_m2}", "mL/min/1.73m2", "mL/min/1.73 m2", "mL/min/{1.73m2}" -> true;
            default -> false;
        };
    }
}
