package org.precisionrx.profile.ingest;

/** An allergy or intolerance; {@code code} may be null when only text is known. */
public record AllergyFact(String sourceKey, String system, String code, String display, boolean active) {
}
