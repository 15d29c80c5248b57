package org.precisionrx.profile.ingest;

import java.time.Instant;

/** A quantitative lab result, kept in the unit it was reported in (UCUM). */
public record LabFact(String sourceKey, String loinc, String display, double value, String unit, Instant effectiveAt) {
}
