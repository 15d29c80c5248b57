package org.precisionrx.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.access.PatientAccess;
import org.precisionrx.gateway.support.AuditLog;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

import ca.uhn.fhir.context.FhirContext;

/**
 * The privacy officer's questions through the API: who looked at this patient and why, which
 * accesses were emergencies, is the trail intact; plus tampering and fail-closed behaviour.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class AuditApiTest {

    @Test
    void anAuditorSeesWhoOpenedAPatientAndWhy() {
        String patient = Fixtures.patients().unassigned();
        String requestId = "audit-" + UUID.randomUUID();
        given().auth().oauth2(Users.token(Users.CLINICIAN)).header("X-Request-Id", requestId)
                .header(PatientAccess.BREAK_GLASS_HEADER, "Patient collapsed on the ward, team unreachable")
                .get("/api/v1/patients/" + patient + "/profile").then().statusCode(200);

        JsonPath records = given().auth().oauth2(Users.token(Users.AUDITOR)).queryParam("patientId", patient)
                .queryParam("limit", 1000).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        List<String> requestIds = records.getList("record.requestId", String.class);
        assertThat(requestIds).contains(requestId);

        JsonPath review = given().auth().oauth2(Users.token(Users.AUDITOR)).queryParam("limit", 1000)
                .get("/api/v1/audit/break-glass").then().statusCode(200).extract().jsonPath();
        assertThat(review.getList("record.requestId", String.class)).contains(requestId);
        assertThat(review.getList("record.emergency", Boolean.class)).containsOnly(true);
    }

    @Test
    void theTrailExportsAsFhirAuditEvents() {
        String json = given().auth().oauth2(Users.token(Users.AUDITOR)).queryParam("format", "fhir")
                .queryParam("limit", 50).get("/api/v1/audit").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
        assertThat(bundle.getEntry()).isNotEmpty();
        assertThat(bundle.getEntry()).allSatisfy(entry -> {
            AuditEvent event = (AuditEvent) entry.getResource();
            assertThat(event.getRecorded()).isNotNull();
            assertThat(event.getAgent()).isNotEmpty();
        });
    }

    @Test
    void changingAPastRecordIsDetectedAndReportedAtItsSequence() {
        Fixtures.patients();
        assertThat(verify().getBoolean("intact")).isTrue();
        long target = AuditLog.firstSequence() + 3;
        String original = AuditLog.subjectAt(target);
        AuditLog.execute("ALTER TABLE audit_event DISABLE TRIGGER ALL");
        try {
            AuditLog.execute("UPDATE audit_event SET subject = 'someone-else' WHERE sequence = " + target);
            JsonPath broken = verify();
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getLong("firstBrokenSequence")).isEqualTo(target);
        } finally {
            AuditLog.execute("UPDATE audit_event SET subject = '" + original.replace("'", "''") + "' WHERE sequence = " + target);
            AuditLog.execute("ALTER TABLE audit_event ENABLE TRIGGER ALL");
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteRecords() {
        Fixtures.patients();
        assertThat(AuditLog.fails("UPDATE audit_event SET subject = 'x' WHERE sequence = " + AuditLog.firstSequence())).isTrue();
        assertThat(AuditLog.fails("DELETE FROM audit_event WHERE sequence = " + AuditLog.firstSequence())).isTrue();
    }

    @Test
    void noAuditRecordMeansNoData() {
        String patient = Fixtures.patients().assigned();
        String token = Users.token(Users.CLINICIAN);
        AuditLog.execute("ALTER TABLE audit_event RENAME TO audit_event_offline");
        try {
            given().auth().oauth2(token).get("/api/v1/patients/" + patient + "/profile")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("audit"));
        } finally {
            AuditLog.execute("ALTER TABLE audit_event_offline RENAME TO audit_event");
        }
        given().auth().oauth2(token).get("/api/v1/patients/" + patient + "/profile").then().statusCode(200);
    }

    private static JsonPath verify() {
        return given().auth().oauth2(Users.token(Users.AUDITOR)).get("/api/v1/audit/verify")
                .then().statusCode(200).extract().jsonPath();
    }
}
