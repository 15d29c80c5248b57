package org.precisionrx.dosage.kb;

/** What a rule does to the recommendation when its condition holds. */
public record Action(Type type, Double factor, Range range, Double maxDaily) {

    public enum Type {
        /** Confirms standard dosing (recorded, no change). */
        STANDARD,
        /** Adds a warning only. */
        CAUTION,
        ADJUST_FACTOR,
        ADJUST_RANGE,
        CAP_MAX,
        AVOID,
        CONTRAINDICATED
    }
}
