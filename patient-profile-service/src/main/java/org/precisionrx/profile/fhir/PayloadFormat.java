package org.precisionrx.profile.fhir;

/** How a FHIR payload is framed. */
public enum PayloadFormat {
    /** One JSON Bundle (transaction, batch, collection or searchset). */
    BUNDLE,
    /** Newline-delimited JSON, one resource per line (FHIR bulk data export). */
    NDJSON,
    /** A JSON object whose resourceType is Bundle is read as {@link #BUNDLE}, anything else as {@link #NDJSON}. */
    AUTO
}
