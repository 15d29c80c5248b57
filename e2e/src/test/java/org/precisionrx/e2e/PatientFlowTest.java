package org.precisionrx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionrx.e2e.support.Admin;
import org.precisionrx.e2e.support.AuditTable;
import org.precisionrx.e2e.support.DemoPatients;
import org.precisionrx.e2e.support.EndToEnd;
import org.precisionrx.e2e.support.Reply;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.Users;
import org.precisionrx.simulator.Indication;

/**
 * pt.dee, linked to her record by an admin, reads it in plain words and is refused another
 * patient's; the audit trail holds both, with the patient each was about.
 */
@EndToEnd
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientFlowTest {

    static final String SOURCE = "https://ehr.clinic.e2e.precisionrx.example/fhir";

    private final RunningSystem system;
    private final AuditTable audit;
    private String own;
    private String someoneElse;

    PatientFlowTest(RunningSystem system) {
        this.system = system;
        this.audit = new AuditTable(system);
    }

    @BeforeAll
    void deeIsLinkedToHerRecord() {
        Admin admin = new Admin(system);
        own = admin.importFhir(SOURCE, DemoPatients.pick(Indication.AF_STROKE_PREVENTION, 6303, "e2e-dee", p -> true).bundle());
        someoneElse = admin.importFhir(SOURCE,
                DemoPatients.pick(Indication.AF_STROKE_PREVENTION, 6303, "e2e-not-dee", p -> true, 1).bundle());
        admin.linkPatientUser(Users.PATIENT, own);
        system.users().freshToken(Users.PATIENT);
    }

    @Test
    void deeReadsHerOwnRecordInPlainWords() {
        Reply reply = system.gateway().get("/api/v1/patients/" + own + "/profile")
                .bearer(system.users().token(Users.PATIENT)).send().expect(200);
        JsonNode profile = reply.json();
        assertThat(profile.path("patientId").asText()).isEqualTo(own);
        // The plain-words view: no raw lab table, no codes.
        assertThat(profile.has("labs")).as(profile.toString()).isFalse();

        AuditTable.Row record = audit.decisionOf(reply.requestId());
        assertThat(record.outcome()).isEqualTo("SUCCESS");
        assertThat(record.patientId()).isEqualTo(own);
        assertThat(record.role()).isEqualTo("patient");
    }

    @Test
    void deeIsRefusedAnotherPatientsRecord() {
        Reply reply = system.gateway().get("/api/v1/patients/" + someoneElse + "/profile")
                .bearer(system.users().token(Users.PATIENT)).send().expect(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().has("medicines")).as("no record in a refusal").isFalse();

        AuditTable.Row record = audit.decisionOf(reply.requestId());
        assertThat(record.outcome()).isEqualTo("DENIED");
        assertThat(record.patientId()).isEqualTo(someoneElse);
    }

    @Test
    void deeSeesHerOwnOptionsInPlainWords() {
        JsonNode options = system.gateway().post("/api/v1/patients/" + own + "/recommendations")
                .bearer(system.users().token(Users.PATIENT)).json("{\"indicationId\":\"af-stroke-prevention\"}")
                .send().expect(200).json();
        assertThat(options.path("options").size()).as(options.toString()).isPositive();
        assertThat(options.path("options").path(0).has("medicine")).isTrue();
    }
}
