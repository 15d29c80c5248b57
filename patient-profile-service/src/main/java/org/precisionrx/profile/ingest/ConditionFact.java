package org.precisionrx.profile.ingest;

import java.time.LocalDate;

/**
 * A diagnosis. {@code sourceKey} identifies it within the patient across imports
 * (e.g. {@code Condition/abc}), which makes re-imports idempotent.
 */
public record ConditionFact(
        String sourceKey, String system, String code, String display, boolean active, LocalDate onset) {
}
