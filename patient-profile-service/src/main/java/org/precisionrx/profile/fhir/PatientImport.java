package org.precisionrx.profile.fhir;

import java.util.List;
import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.ingest.PatientRecord;

/**
 * What the payload states about one patient.
 *
 * @param sourceRef the patient within the payload, e.g. {@code Patient/123}; for reports only
 * @param record null when {@code problems} is non-empty: a half-read patient is never handed on
 * @param patientResourceIncluded false when the payload only referenced the patient (by FHIR id), so the
 *     record carries just the FHIR_ID identifier for the service to resolve against its database
 * @param problems why this patient's data could not be accepted (field and reason only, no patient values)
 */
public record PatientImport(
        String sourceRef, PatientRecord record, boolean patientResourceIncluded, List<ImportProblem> problems) {

    public PatientImport {
        problems = List.copyOf(problems);
        if (record != null && !problems.isEmpty()) {
            throw new IllegalArgumentException("a patient with problems must not carry a record");
        }
    }
}
