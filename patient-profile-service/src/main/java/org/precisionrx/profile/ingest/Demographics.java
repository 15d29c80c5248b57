package org.precisionrx.profile.ingest;

import java.time.LocalDate;

/** Demographics as stated by a source; any field may be null when the source does not say. */
public record Demographics(
        LocalDate birthDate,
        SexAtBirth sexAtBirth,
        boolean sexFromAdministrativeGender,
        Ancestry ancestry,
        Measurement heightCm,
        Measurement weightKg) {

    public enum SexAtBirth { FEMALE, MALE, UNKNOWN }

    /** Self-reported ancestry in OMB categories, as CPIC and IWPC algorithms need. */
    public enum Ancestry {
        WHITE,
        BLACK_OR_AFRICAN_AMERICAN,
        ASIAN,
        AMERICAN_INDIAN_OR_ALASKA_NATIVE,
        NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER,
        MIXED,
        OTHER,
        DECLINED
    }
}
