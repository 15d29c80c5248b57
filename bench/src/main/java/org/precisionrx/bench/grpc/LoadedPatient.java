package org.precisionrx.bench.grpc;

/** A synthetic patient the bench loaded: the EHR's FHIR id, the profile service's id, the indication. */
public record LoadedPatient(String fhirId, String patientId, String indication) {
}
