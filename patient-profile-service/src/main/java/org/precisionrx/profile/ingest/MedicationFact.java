package org.precisionrx.profile.ingest;

import java.time.LocalDate;

/** A medication order or statement; {@code rxnorm} may be null when only text is known. */
public record MedicationFact(
        String sourceKey, String rxnorm, String display, boolean active, LocalDate start) {
}
