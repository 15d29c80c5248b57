package org.precisionrx.profile.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/** Code-system constants and small readers for codings and FHIR time values. */
final class FhirValues {

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String UCUM = "http://unitsofmeasure.org";

    private FhirValues() {
    }

    static boolean hasCode(CodeableConcept concept, String system, String code) {
        return concept != null && concept.getCoding().stream()
                .anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }

    /** First code of the given system, or null. */
    static String code(CodeableConcept concept, String system) {
        Coding coding = coding(concept, system);
        return coding == null ? null : coding.getCode();
    }

    static Coding coding(CodeableConcept concept, String system) {
        if (concept == null) {
            return null;
        }
        return concept.getCoding().stream()
                .filter(c -> system.equals(c.getSystem()) && c.hasCode()).findFirst().orElse(null);
    }

    /** The coding of the first preferred system present, else the first coding that has a code. */
    static Coding preferredCoding(CodeableConcept concept, String... systems) {
        for (String system : systems) {
            Coding coding = coding(concept, system);
            if (coding != null) {
                return coding;
            }
        }
        return concept == null ? null : concept.getCoding().stream().filter(Coding::hasCode).findFirst().orElse(null);
    }

    /** What a person would read: the concept's text, else a coding's display. */
    static String text(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay)
                .findFirst().orElse(null);
    }

    /** dateTime / instant / date / Period (its start) as an Instant; a date-only value is that day's start, UTC. */
    static Instant instant(Type value) {
        if (value instanceof Period period) {
            return instant(period.getStartElement());
        }
        if (!(value instanceof BaseDateTimeType time) || time.getValue() == null) {
            return null;
        }
        if (time.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            return localDate(time).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return time.getValue().toInstant();
    }

    /**
     * The calendar date as written (in the value's own offset, not converted to UTC), so a late-evening
     * onset is not moved to the next day. Partial dates (year, year-month) take the first day.
     */
    static LocalDate localDate(Type value) {
        if (value instanceof Period period) {
            return localDate(period.getStartElement());
        }
        if (!(value instanceof BaseDateTimeType time) || time.getValue() == null) {
            return null;
        }
        TemporalPrecisionEnum precision = time.getPrecision();
        int month = precision == TemporalPrecisionEnum.YEAR ? 1 : time.getMonth() + 1;
        int day = precision.ordinal() < TemporalPrecisionEnum.DAY.ordinal() ? 1 : time.getDay();
        return LocalDate.of(time.getYear(), month, day);
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** True if {@code candidate} should replace {@code current} as "latest" (unknown times lose). */
    static boolean isLater(Instant candidate, Instant current) {
        return current == null || (candidate != null && candidate.isAfter(current));
    }
}
