package org.precisionrx.gateway.audit;

import java.util.Date;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Audit records as FHIR R4 AuditEvent resources, shaped after the IHE Basic Audit Log Patterns
 * (BALP): who (the user, and the client application as a second agent), what (the patient, the
 * request id), the action, the outcome, the purpose of use, and the chain position (sequence,
 * recorded time to the microsecond, previous hash and hash) so an export can be checked against
 * the database.
 *
 * <p>Outcome: SUCCESS is 0; PARTIAL is 4 (minor failure: an answer was given, with parts missing);
 * DENIED and FAILED are 8 (serious failure: the request was not carried out). 12 (major failure)
 * is never used, because when the gateway itself cannot act, it writes no record and refuses.
 */
public final class FhirAuditEvents {

    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String PURPOSE_OF_USE = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String BALP_ENTITY_TYPE = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";
    /** Our own naming systems; URNs, since they name rather than locate. */
    static final String ACTION_SYSTEM = "urn:precisionrx:audit:action";
    static final String ROLE_SYSTEM = "urn:precisionrx:role";
    static final String SUBJECT_SYSTEM = "urn:precisionrx:subject";
    static final String CLIENT_SYSTEM = "urn:precisionrx:client";
    static final String OBSERVER = "precisionrx-gateway";

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private FhirAuditEvents() {
    }

    /** A Bundle of type {@code searchset}, one AuditEvent per entry in the given order. */
    public static String bundleJson(List<AuditEntry> entries) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(entries.size());
        for (AuditEntry entry : entries) {
            bundle.addEntry().setResource(auditEvent(entry)).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    /** One AuditEvent. */
    public static String json(AuditEntry entry) {
        return FHIR.newJsonParser().encodeResourceToString(auditEvent(entry));
    }

    static AuditEvent auditEvent(AuditEntry entry) {
        AuditRecord r = entry.record();
        AuditEvent event = new AuditEvent();
        event.setId(Long.toString(entry.sequence()));
        event.setType(r.patientId() != null
                ? new Coding(DICOM, "110110", "Patient Record")
                : new Coding(AUDIT_EVENT_TYPE, "rest", "RESTful Operation"));
        event.addSubtype(new Coding(ACTION_SYSTEM, r.action(), null));
        event.setAction(AuditActionCodes.of(r.action()));
        event.setRecorded(Date.from(entry.recordedAt()));
        event.setOutcome(outcome(r.outcome()));
        String outcomeDesc = outcomeDescription(r);
        if (outcomeDesc != null) {
            event.setOutcomeDesc(outcomeDesc);
        }
        if (r.purpose() != null) {
            event.addPurposeOfEvent(new CodeableConcept(new Coding(PURPOSE_OF_USE, r.purpose(), null)));
        }
        event.addAgent(user(r));
        event.addAgent(client(r));
        event.getSource()
                .setObserver(new Reference().setDisplay(OBSERVER)
                        .setIdentifier(new Identifier().setValue(OBSERVER)))
                .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));
        if (r.patientId() != null) {
            event.addEntity(patient(r.patientId()));
        }
        event.addEntity(transaction(entry));
        return event;
    }

    static AuditEventOutcome outcome(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> AuditEventOutcome._0;
            case PARTIAL -> AuditEventOutcome._4;
            case DENIED, FAILED -> AuditEventOutcome._8;
        };
    }

    // Why it did not simply succeed; for a success, the detail if there is one.
    private static String outcomeDescription(AuditRecord r) {
        if (r.outcome() == AuditOutcome.SUCCESS) {
            return r.detail();
        }
        String because = r.reason() != null ? r.reason() : r.detail();
        return because == null ? r.outcome().name() : r.outcome().name() + ": " + because;
    }

    private static AuditEventAgentComponent user(AuditRecord r) {
        AuditEventAgentComponent agent = new AuditEventAgentComponent();
        agent.setType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "IRCP", "information recipient")));
        agent.addRole(new CodeableConcept(new Coding(ROLE_SYSTEM, r.role(), null)));
        agent.setWho(new Reference().setIdentifier(new Identifier().setSystem(SUBJECT_SYSTEM).setValue(r.subject())));
        agent.setRequestor(true);
        if (r.purpose() != null) {
            agent.addPurposeOfUse(new CodeableConcept(new Coding(PURPOSE_OF_USE, r.purpose(), null)));
        }
        return agent;
    }

    private static AuditEventAgentComponent client(AuditRecord r) {
        AuditEventAgentComponent agent = new AuditEventAgentComponent();
        agent.setType(new CodeableConcept(new Coding(DICOM, "110153", "Source Role ID")));
        agent.setWho(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(r.clientId())));
        agent.setRequestor(false);
        return agent;
    }

    private static AuditEventEntityComponent patient(String patientId) {
        return new AuditEventEntityComponent()
                .setWhat(new Reference("Patient/" + patientId))
                .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
    }

    // BALP's transaction entity: the request id, plus what an auditor needs to re-check the chain.
    private static AuditEventEntityComponent transaction(AuditEntry entry) {
        AuditRecord r = entry.record();
        AuditEventEntityComponent entity = new AuditEventEntityComponent()
                .setWhat(new Reference().setIdentifier(new Identifier().setValue(r.requestId())))
                .setType(new Coding(BALP_ENTITY_TYPE, "XrequestId", "transport specific unique identifier"));
        detail(entity, "sequence", Long.toString(entry.sequence()));
        detail(entity, "recordedAt", AuditHash.timestamp(entry.recordedAt()));
        detail(entity, "outcome", r.outcome().name());
        detail(entity, "emergency", Boolean.toString(r.emergency()));
        detail(entity, "reason", r.reason());
        detail(entity, "detail", r.detail());
        detail(entity, "previousHash", entry.previousHash());
        detail(entity, "hash", entry.hash());
        return entity;
    }

    private static void detail(AuditEventEntityComponent entity, String type, String value) {
        if (value != null) {
            entity.addDetail().setType(type).setValue(new StringType(value));
        }
    }
}
