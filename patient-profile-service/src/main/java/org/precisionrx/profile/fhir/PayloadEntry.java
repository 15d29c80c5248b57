package org.precisionrx.profile.fhir;

import org.hl7.fhir.r4.model.Resource;

/**
 * One resource read from a payload.
 *
 * @param fullUrl the Bundle entry's fullUrl (null for NDJSON), used to resolve {@code urn:uuid} references
 * @param label where it sits in the payload ({@code entry 3}, {@code line 7}), for problem reports
 */
record PayloadEntry(Resource resource, String fullUrl, String label) {

    String type() {
        return resource.fhirType();
    }

    /** The logical id as written in the resource (the parser is told not to replace it with fullUrl). */
    String id() {
        return resource.getIdElement().getIdPart();
    }

    /** {@code Type/id} for problem reports and source keys; falls back to the payload position. */
    String ref() {
        String id = id();
        return id != null ? type() + "/" + id : type() + " (" + label + ")";
    }
}
