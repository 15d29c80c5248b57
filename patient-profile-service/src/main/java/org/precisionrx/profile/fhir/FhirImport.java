package org.precisionrx.profile.fhir;

import java.util.List;
import java.util.Map;

/**
 * Result of reading one FHIR payload.
 *
 * @param patients one entry per patient the payload states something about, in payload order
 * @param skippedByType resources deliberately not imported, counted by type (e.g. {@code Immunization},
 *     {@code Observation (entered-in-error)}, {@code Condition (no patient)})
 */
public record FhirImport(List<PatientImport> patients, Map<String, Integer> skippedByType) {

    public FhirImport {
        patients = List.copyOf(patients);
        skippedByType = Map.copyOf(skippedByType);
    }
}
