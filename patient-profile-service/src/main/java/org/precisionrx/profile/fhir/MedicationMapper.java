package org.precisionrx.profile.fhir;

import static org.precisionrx.profile.fhir.FhirValues.RXNORM;

import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.precisionrx.profile.ingest.MedicationFact;

/**
 * MedicationRequest / MedicationStatement -> MedicationFact. Drafts, unknown and entered-in-error are
 * skipped (they say nothing about what the patient takes); medication[x] references are resolved against
 * contained resources and the payload's Medication entries.
 */
final class MedicationMapper {

    private final Map<String, Medication> payloadMedications;

    MedicationMapper(Map<String, Medication> payloadMedications) {
        this.payloadMedications = payloadMedications;
    }

    void map(PayloadEntry entry, PatientRecordBuilder out, Skips skips) {
        Boolean active;
        Type medication;
        LocalDate start;
        String status;
        if (entry.resource() instanceof MedicationRequest request) {
            status = request.getStatus() == null ? "no status" : request.getStatus().toCode();
            active = switch (status) {
                case "active", "on-hold" -> Boolean.TRUE;
                case "completed", "stopped", "cancelled" -> Boolean.FALSE;
                default -> null; // draft, unknown, entered-in-error
            };
            medication = request.getMedication();
            start = FhirValues.localDate(request.getAuthoredOnElement());
        } else {
            MedicationStatement statement = (MedicationStatement) entry.resource();
            status = statement.getStatus() == null ? "no status" : statement.getStatus().toCode();
            active = switch (status) {
                case "active", "intended", "on-hold" -> Boolean.TRUE;
                case "completed", "stopped", "not-taken" -> Boolean.FALSE;
                default -> null; // unknown, entered-in-error
            };
            medication = statement.getMedication();
            start = FhirValues.localDate(statement.getEffective());
        }
        if (active == null) {
            skips.add(entry.type() + " (" + status + ")");
            return;
        }
        CodeableConcept concept = concept(entry, medication, out);
        if (concept == null) {
            return;
        }
        Coding rxnorm = FhirValues.coding(concept, RXNORM);
        String display = rxnorm != null && rxnorm.hasDisplay() ? rxnorm.getDisplay() : FhirValues.text(concept);
        if (rxnorm == null && display == null) {
            out.problem(entry, field(medication), "medication has neither an RxNorm code nor a text");
            return;
        }
        String key = out.sourceKey(entry);
        if (key != null) {
            out.medications.add(new MedicationFact(key, rxnorm == null ? null : rxnorm.getCode(), display, active, start));
        }
    }

    /** The medication's code, following a reference to a contained or payload Medication; null if reported. */
    private CodeableConcept concept(PayloadEntry entry, Type medication, PatientRecordBuilder out) {
        if (medication instanceof CodeableConcept concept) {
            return concept;
        }
        if (medication instanceof Reference reference) {
            Medication resolved = resolve((DomainResource) entry.resource(), reference);
            if (resolved == null) {
                out.problem(entry, "medicationReference", "referenced Medication is not in the payload");
                return null;
            }
            return resolved.getCode();
        }
        out.problem(entry, "medication[x]", "medication is missing");
        return null;
    }

    private Medication resolve(DomainResource owner, Reference reference) {
        if (reference.getResource() instanceof Medication linked) {
            return linked; // HAPI links contained and same-bundle references while parsing
        }
        String ref = reference.getReference();
        if (ref == null) {
            return null;
        }
        if (ref.startsWith("#")) {
            for (Resource contained : owner.getContained()) {
                if (contained instanceof Medication m && ref.substring(1).equals(m.getIdElement().getIdPart())) {
                    return m;
                }
            }
            return null;
        }
        return payloadMedications.get(ref);
    }

    private static String field(Type medication) {
        return medication instanceof Reference ? "medicationReference" : "medicationCodeableConcept";
    }
}
