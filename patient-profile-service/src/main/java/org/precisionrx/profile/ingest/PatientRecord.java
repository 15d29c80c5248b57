package org.precisionrx.profile.ingest;

import java.util.List;

/**
 * What one source (a FHIR payload, a PharmCAT file, a structured upsert) states about one patient.
 * Every ingestion path produces this shape; the profile service validates and merges it.
 * Null scalar fields and empty lists mean "the source says nothing", never "normal".
 *
 * @param sourceRef where the patient came from, for reports only (e.g. {@code Patient/123})
 */
public record PatientRecord(
        String sourceRef,
        List<ExternalId> identifiers,
        Demographics demographics,
        Lifestyle lifestyle,
        List<GeneticCall> genetics,
        List<HlaCall> hla,
        List<ConditionFact> conditions,
        List<MedicationFact> medications,
        List<LabFact> labs,
        List<AllergyFact> allergies) {

    public PatientRecord {
        identifiers = List.copyOf(identifiers);
        genetics = List.copyOf(genetics);
        hla = List.copyOf(hla);
        conditions = List.copyOf(conditions);
        medications = List.copyOf(medications);
        labs = List.copyOf(labs);
        allergies = List.copyOf(allergies);
    }
}
