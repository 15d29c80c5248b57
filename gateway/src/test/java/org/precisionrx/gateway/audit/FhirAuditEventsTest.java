package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

/** Exports are read back with HAPI, as an auditor's tool would. */
class FhirAuditEventsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Instant AT = Instant.parse("2026-05-06T07:08:09.123456Z");
    private static final String HASH = "a".repeat(64);
    private static final String PREVIOUS = "b".repeat(64);

    @Test
    void patientReadByAClinician() {
        AuditEvent event = parse(entry(12, AuditRecords.read("req-12", "dr-a", "p-1")));

        assertThat(event.getIdElement().getIdPart()).isEqualTo("12");
        assertCoding(event.getType(), FhirAuditEvents.DICOM, "110110");
        assertCoding(event.getSubtypeFirstRep(), FhirAuditEvents.ACTION_SYSTEM, "profile.read");
        assertThat(event.getAction()).isEqualTo(AuditEventAction.R);
        assertThat(event.getRecorded()).isEqualTo(Date.from(Instant.parse("2026-05-06T07:08:09.123Z")));
        assertThat(event.getOutcome()).isEqualTo(AuditEventOutcome._0);
        assertCoding(event.getPurposeOfEventFirstRep().getCodingFirstRep(), FhirAuditEvents.PURPOSE_OF_USE, "TREAT");
        assertThat(event.getSource().getObserver().getDisplay()).isEqualTo("precisionrx-gateway");

        AuditEventAgentComponent user = event.getAgent().get(0);
        assertCoding(user.getType().getCodingFirstRep(), FhirAuditEvents.PARTICIPATION_TYPE, "IRCP");
        assertThat(user.getWho().getIdentifier().getValue()).isEqualTo("dr-a");
        assertCoding(user.getRoleFirstRep().getCodingFirstRep(), FhirAuditEvents.ROLE_SYSTEM, "clinician");
        assertThat(user.getRequestor()).isTrue();
        AuditEventAgentComponent client = event.getAgent().get(1);
        assertCoding(client.getType().getCodingFirstRep(), FhirAuditEvents.DICOM, "110153");
        assertThat(client.getWho().getIdentifier().getValue()).isEqualTo("precisionrx-web");
        assertThat(client.getRequestor()).isFalse();

        AuditEventEntityComponent patient = event.getEntity().get(0);
        assertThat(patient.getWhat().getReference()).isEqualTo("Patient/p-1");
        assertCoding(patient.getRole(), FhirAuditEvents.OBJECT_ROLE, "1");
        AuditEventEntityComponent transaction = event.getEntity().get(1);
        assertCoding(transaction.getType(), FhirAuditEvents.BALP_ENTITY_TYPE, "XrequestId");
        assertThat(transaction.getWhat().getIdentifier().getValue()).isEqualTo("req-12");
        assertThat(details(transaction)).containsEntry("sequence", "12")
                .containsEntry("recordedAt", "2026-05-06T07:08:09.123456Z")
                .containsEntry("previousHash", PREVIOUS)
                .containsEntry("hash", HASH)
                .containsEntry("emergency", "false")
                .doesNotContainKeys("reason", "detail");
    }

    @Test
    void breakGlassCarriesEmergencyPurposeAndReason() {
        AuditEvent event = parse(entry(3, AuditRecords.breakGlass("req-3", "dr-b", "p-2")));

        assertCoding(event.getPurposeOfEventFirstRep().getCodingFirstRep(), FhirAuditEvents.PURPOSE_OF_USE, "ETREAT");
        assertThat(details(event.getEntity().get(1)))
                .containsEntry("emergency", "true")
                .containsEntry("reason", "unconscious patient in the emergency department");
    }

    @Test
    void outcomeCodes() {
        assertThat(parse(entry(1, AuditRecords.denied("r", "dr-b", "p-2"))).getOutcome())
                .isEqualTo(AuditEventOutcome._8);
        assertThat(parse(entry(1, AuditRecords.denied("r", "dr-b", "p-2"))).getOutcomeDesc())
                .isEqualTo("DENIED: not on the care team");
        assertThat(FhirAuditEvents.outcome(AuditOutcome.PARTIAL)).isEqualTo(AuditEventOutcome._4);
        assertThat(FhirAuditEvents.outcome(AuditOutcome.FAILED)).isEqualTo(AuditEventOutcome._8);
    }

    @Test
    void accessWithoutAPatientIsARestOperation() {
        AuditRecord search = new AuditRecord("req-9", "auditor-1", "auditor", "precisionrx-web", null, "audit.search",
                null, null, AuditOutcome.SUCCESS, false, null);
        AuditEvent event = parse(entry(9, search));

        assertCoding(event.getType(), FhirAuditEvents.AUDIT_EVENT_TYPE, "rest");
        assertThat(event.getEntity()).hasSize(1);
        assertThat(event.getPurposeOfEvent()).isEmpty();
    }

    @Test
    void grpcCallsAndCdsHooks() {
        assertThat(parse(entry(4, AuditRecords.grpc("req-3", "ph-c", "p-2"))).getAction())
                .isEqualTo(AuditEventAction.R);
        AuditRecord cds = new AuditRecord("req-5", "ehr-system", "admin", "precisionrx-ehr", "p-2",
                "cds.precisionrx-order-sign", "TREAT", null, AuditOutcome.PARTIAL, false, "no dose ranges");
        AuditEvent event = parse(entry(5, cds));
        assertThat(event.getAction()).isEqualTo(AuditEventAction.E);
        assertThat(event.getOutcome()).isEqualTo(AuditEventOutcome._4);
        assertThat(event.getOutcomeDesc()).isEqualTo("PARTIAL: no dose ranges");
    }

    @Test
    void bundleKeepsOrderAndCount() {
        List<AuditEntry> entries = List.of(entry(1, AuditRecords.read("r1", "dr-a", "p-1")),
                entry(2, AuditRecords.denied("r2", "dr-b", "p-2")));

        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, FhirAuditEvents.bundleJson(entries));

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getTotal()).isEqualTo(2);
        assertThat(bundle.getEntry()).extracting(e -> ((AuditEvent) e.getResource()).getIdElement().getIdPart())
                .containsExactly("1", "2");
        assertThat(FhirAuditEvents.bundleJson(List.of())).contains("\"total\":0");
    }

    private static AuditEntry entry(long sequence, AuditRecord record) {
        return new AuditEntry(sequence, AT, record, PREVIOUS, HASH);
    }

    private static AuditEvent parse(AuditEntry entry) {
        return FHIR.newJsonParser().parseResource(AuditEvent.class, FhirAuditEvents.json(entry));
    }

    private static Map<String, String> details(AuditEventEntityComponent entity) {
        return entity.getDetail().stream().collect(Collectors.toMap(d -> d.getType(), d -> d.getValue().primitiveValue()));
    }

    private static void assertCoding(Coding coding, String system, String code) {
        assertThat(coding.getSystem()).isEqualTo(system);
        assertThat(coding.getCode()).isEqualTo(code);
    }
}
