package org.precisionrx.profile.fhir;

import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.Medication;
import org.precisionrx.profile.ingest.ExternalId;

/** Turns one patient's group of resources into a PatientImport; one instance per payload. */
final class PatientAssembler {

    private final String sourceSystem;
    private final PatientMapper patients;
    private final ObservationMapper observations = new ObservationMapper();
    private final ConditionMapper conditions = new ConditionMapper();
    private final MedicationMapper medications;
    private final AllergyMapper allergies = new AllergyMapper();

    PatientAssembler(String sourceSystem, LocalDate today, Map<String, Medication> payloadMedications) {
        this.sourceSystem = sourceSystem;
        this.patients = new PatientMapper(today);
        this.medications = new MedicationMapper(payloadMedications);
    }

    PatientImport assemble(PatientGroup group, Skips skips) {
        PatientRecordBuilder out = new PatientRecordBuilder();
        out.problems.addAll(group.problems);
        if (group.fhirId != null) {
            out.identifiers.add(new ExternalId(ExternalId.Kind.FHIR_ID, sourceSystem, group.fhirId));
        }
        if (group.patient != null) {
            patients.map(group.patient, out);
        }
        for (PayloadEntry entry : group.resources) {
            switch (entry.type()) {
                case "Observation" -> observations.map(entry, out, skips);
                case "Condition" -> conditions.map(entry, out, skips);
                case "MedicationRequest", "MedicationStatement" -> medications.map(entry, out, skips);
                case "AllergyIntolerance" -> allergies.map(entry, out, skips);
                default -> throw new IllegalStateException("grouped a resource no mapper reads: " + entry.type());
            }
        }
        String sourceRef = group.patient != null ? group.patient.ref() : group.key;
        boolean ok = out.problems.isEmpty();
        return new PatientImport(sourceRef, ok ? out.build(sourceRef) : null, group.patient != null, out.problems);
    }
}
