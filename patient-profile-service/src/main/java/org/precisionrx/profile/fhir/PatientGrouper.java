package org.precisionrx.profile.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.precisionrx.profile.ingest.ImportProblem;

/**
 * Sorts a payload's resources under the patient they are about. Patients present in the payload come first,
 * in payload order, then patients that are only referenced. Resource types the profile does not use are
 * counted as skipped; Medication resources are kept aside so medication[x] references can be resolved.
 */
final class PatientGrouper {

    /** Result: the patient groups and the payload's Medication resources by fullUrl and {@code Medication/id}. */
    record Grouped(List<PatientGroup> patients, Map<String, Medication> medications) {
    }

    private final Map<String, PatientGroup> groups = new LinkedHashMap<>();
    private final Map<String, PatientGroup> byFullUrl = new HashMap<>();
    private final Map<String, Medication> medications = new HashMap<>();

    Grouped group(List<PayloadEntry> entries, Skips skips) {
        for (PayloadEntry entry : entries) {
            if ("Patient".equals(entry.type())) {
                addPatient(entry);
            } else if (entry.resource() instanceof Medication medication) {
                indexMedication(entry, medication);
            }
        }
        for (PayloadEntry entry : entries) {
            String type = entry.type();
            if ("Patient".equals(type) || "Medication".equals(type)) {
                continue;
            }
            Reference subject = subjectOf(entry.resource());
            if (subject == null) {
                skips.add(type); // not a resource type the profile reads
                continue;
            }
            PatientGroup group = resolve(subject);
            if (group == null) {
                skips.add(type + " (no patient)");
            } else {
                group.resources.add(entry);
            }
        }
        return new Grouped(new ArrayList<>(groups.values()), medications);
    }

    private void addPatient(PayloadEntry entry) {
        String id = entry.id();
        String key = id != null ? "Patient/" + id : entry.fullUrl() != null ? entry.fullUrl() : entry.ref();
        PatientGroup group = groups.computeIfAbsent(key, k -> new PatientGroup(k, id));
        if (group.patient != null) {
            group.problems.add(new ImportProblem(entry.ref() + " (" + entry.label() + ")", "id",
                    "the same patient appears more than once in the payload"));
        }
        group.patient = entry;
        if (entry.fullUrl() != null) {
            byFullUrl.put(entry.fullUrl(), group);
        }
    }

    private void indexMedication(PayloadEntry entry, Medication medication) {
        if (entry.fullUrl() != null) {
            medications.put(entry.fullUrl(), medication);
        }
        if (entry.id() != null) {
            medications.put("Medication/" + entry.id(), medication);
        }
    }

    /**
     * Accepts {@code urn:uuid:} / absolute references matching an entry's fullUrl, {@code Patient/<id>} and
     * absolute URLs ending in {@code Patient/<id>}. An id not in the payload makes a referenced-only group.
     */
    private PatientGroup resolve(Reference subject) {
        if (!subject.hasReference()) {
            return null; // identifier-only or display-only references name no FHIR patient
        }
        String reference = subject.getReference();
        PatientGroup byUrl = byFullUrl.get(reference);
        if (byUrl != null) {
            return byUrl;
        }
        if (reference.startsWith("urn:") || reference.startsWith("#")) {
            return null;
        }
        IdType id = new IdType(reference);
        if (!"Patient".equals(id.getResourceType()) || !id.hasIdPart()) {
            return null;
        }
        String key = "Patient/" + id.getIdPart();
        return groups.computeIfAbsent(key, k -> new PatientGroup(k, id.getIdPart()));
    }

    /** The patient reference of the resource types the profile reads; null for every other type. */
    private static Reference subjectOf(Resource resource) {
        if (resource instanceof Observation o) {
            return o.getSubject();
        } else if (resource instanceof Condition c) {
            return c.getSubject();
        } else if (resource instanceof MedicationRequest m) {
            return m.getSubject();
        } else if (resource instanceof MedicationStatement m) {
            return m.getSubject();
        } else if (resource instanceof AllergyIntolerance a) {
            return a.getPatient();
        }
        return null;
    }
}
