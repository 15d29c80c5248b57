package org.precisionrx.profile.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.precisionrx.profile.ingest.ImportProblem;

/** What an import did, patient by patient. */
public record ImportSummary(List<PatientResult> patients, Map<String, Integer> skippedByType) {

    public ImportSummary {
        patients = List.copyOf(patients);
        skippedByType = Map.copyOf(skippedByType);
    }

    /** outcome is null and problems non-empty when the patient failed and nothing of it was stored. */
    public record PatientResult(String sourceRef, UUID patientId, Outcome outcome, List<ImportProblem> problems) {

        public static PatientResult failed(String sourceRef, List<ImportProblem> problems) {
            return new PatientResult(sourceRef, null, null, List.copyOf(problems));
        }
    }
}
