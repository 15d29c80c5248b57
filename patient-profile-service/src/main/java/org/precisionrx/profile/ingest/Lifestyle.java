package org.precisionrx.profile.ingest;

import java.time.Instant;
import java.util.Set;

/** Lifestyle facts; null fields are unknown. */
public record Lifestyle(
        SmokingStatus smoking,
        Double packYears,
        Double alcoholUnitsPerWeek,
        ActivityLevel activity,
        Set<DietFlag> dietFlags,
        Instant observedAt) {

    public Lifestyle {
        dietFlags = dietFlags == null ? Set.of() : Set.copyOf(dietFlags);
    }

    public enum SmokingStatus { NEVER, FORMER, CURRENT, UNKNOWN }

    public enum ActivityLevel { SEDENTARY, LOW, MODERATE, HIGH }

    /** Diet facts that change drug response. */
    public enum DietFlag { HIGH_VITAMIN_K_INTAKE, GRAPEFRUIT }
}
