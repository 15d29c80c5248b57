package org.precisionrx.profile.fhir;

import java.util.ArrayList;
import java.util.List;
import org.precisionrx.profile.ingest.ImportProblem;

/** The resources of one patient in a payload; {@code patient} is null when the payload only references them. */
final class PatientGroup {

    final String key;
    /** Logical id of the Patient at the source server, or null (e.g. a new Patient in a transaction). */
    final String fhirId;
    PayloadEntry patient;
    final List<PayloadEntry> resources = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();

    PatientGroup(String key, String fhirId) {
        this.key = key;
        this.fhirId = fhirId;
    }
}
