package org.precisionrx.profile.ingest;

/** An identifier the patient is known by outside this service. */
public record ExternalId(Kind kind, String system, String value) {

    public enum Kind {
        /** Medical record number (FHIR identifier type {@code MR}). */
        MRN,
        /** Logical id of the FHIR Patient resource at {@code system} (the FHIR server base). */
        FHIR_ID
    }
}
