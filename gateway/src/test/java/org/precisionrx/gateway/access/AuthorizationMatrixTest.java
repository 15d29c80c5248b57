package org.precisionrx.gateway.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.precisionrx.gateway.support.AuditLog;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.Fixtures.Patients;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

/**
 * Every REST endpoint × every role × own, assigned, unassigned and other patient × with and
 * without a break-glass reason, with real tokens from real Keycloak logins. Each case checks the
 * status and that the audit trail recorded the access (or the denial) under the request's id.
 * The CDS services' cells are in {@link CdsAuthorizationMatrixTest}.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class AuthorizationMatrixTest {

    enum Relation { OWN, ASSIGNED, UNASSIGNED, OTHER }

    static final Map<String, String> USER_OF_ROLE = Map.of("clinician", Users.CLINICIAN, "pharmacist", Users.PHARMACIST,
            "patient", Users.PATIENT, "admin", Users.ADMIN, "auditor", Users.AUDITOR);
    static final String REASON = "Unconscious patient in the emergency department";

    private final MatrixTable table = MatrixTable.read("authorization-matrix.txt");

    @TestFactory
    Stream<DynamicTest> patientEndpoints() {
        List<DynamicTest> cases = new ArrayList<>();
        for (MatrixTable.Row row : table.rows()) {
            if (!row.patientScoped()) {
                continue;
            }
            for (String role : MatrixTable.ROLES) {
                for (Relation relation : Relation.values()) {
                    for (boolean glass : new boolean[] { false, true }) {
                        cases.add(DynamicTest.dynamicTest(row.endpoint() + " | " + role + " | " + relation + (glass ? " | break-glass" : ""),
                                () -> checkPatientCase(row, role, relation, glass)));
                    }
                }
            }
        }
        return cases.stream();
    }

    @TestFactory
    Stream<DynamicTest> endpointsAboutNoSinglePatient() {
        List<DynamicTest> cases = new ArrayList<>();
        for (MatrixTable.Row row : table.rows()) {
            if (row.patientScoped()) {
                continue;
            }
            for (String role : MatrixTable.ROLES) {
                for (boolean glass : new boolean[] { false, true }) {
                    cases.add(DynamicTest.dynamicTest(row.endpoint() + " | " + role + (glass ? " | break-glass" : ""), () -> {
                        boolean allowed = row.reach().get(role).contains("all");
                        check(row.endpoint(), role, null, glass, allowed, false);
                    }));
                }
            }
        }
        return cases.stream();
    }

    private void checkPatientCase(MatrixTable.Row row, String role, Relation relation, boolean glass) {
        Set<String> reach = row.reach().get(role);
        boolean withoutGlass = reach.contains("any")
                || (reach.contains("assigned") && role.equals("clinician") && relation == Relation.ASSIGNED)
                || (reach.contains("own") && role.equals("patient") && relation == Relation.OWN);
        boolean allowed = withoutGlass || (glass && reach.contains("glass"));
        check(row.endpoint(), role, patient(relation), glass, allowed, allowed && !withoutGlass);
    }

    private static void check(String endpoint, String role, String patientId, boolean glass, boolean allowed, boolean emergency) {
        String requestId = "matrix-" + UUID.randomUUID();
        RequestSpecification request = given().auth().oauth2(Users.token(USER_OF_ROLE.get(role)))
                .header("X-Request-Id", requestId);
        if (glass) {
            request.header(PatientAccess.BREAK_GLASS_HEADER, REASON);
        }
        Response response = send(endpoint, patientId, request);
        if (allowed) {
            assertThat(response.statusCode()).as(response.asString()).isBetween(200, 299);
        } else {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);

        List<AuditLog.Row> records = AuditLog.forRequest(requestId).stream()
                .filter(r -> !r.action().startsWith("grpc:")).toList();
        assertThat(records).as("audit records of " + requestId).isNotEmpty();
        AuditLog.Row last = records.get(records.size() - 1);
        if (allowed) {
            assertThat(last.outcome()).isIn("SUCCESS", "PARTIAL");
            assertThat(last.emergency()).as("emergency flag").isEqualTo(emergency);
            if (emergency) {
                assertThat(last.reason()).isEqualTo(REASON);
                assertThat(last.purpose()).isEqualTo("ETREAT");
            }
        } else {
            assertThat(last.outcome()).isEqualTo("DENIED");
            assertThat(last.emergency()).isFalse();
        }
        if (patientId != null && !endpoint.equals("patient-link.set")) {
            assertThat(last.patientId()).isEqualTo(patientId);
        }
    }

    private static String patient(Relation relation) {
        Patients patients = Fixtures.patients();
        return switch (relation) {
            case OWN -> patients.own();
            case ASSIGNED -> patients.assigned();
            case UNASSIGNED -> patients.unassigned();
            case OTHER -> patients.other();
        };
    }

    private static Response send(String endpoint, String patientId, RequestSpecification request) {
        String base = "/api/v1/patients/" + patientId;
        return switch (endpoint) {
            case "profile.read" -> request.get(base + "/profile");
            case "recommendations" -> request.contentType(ContentType.JSON)
                    .body("{\"indicationId\":\"af-stroke-prevention\",\"maxOptions\":3}").post(base + "/recommendations");
            case "dose.recommend" -> request.contentType(ContentType.JSON).body("{\"drugId\":\"apixaban\"}")
                    .post(base + "/dose-recommendations");
            case "dose.check" -> request.contentType(ContentType.JSON)
                    .body("{\"drugId\":\"apixaban\",\"amount\":5,\"unit\":\"mg\",\"frequency\":\"BID\"}").post(base + "/dose-checks");
            case "pharmcat.import" -> request.contentType("text/tab-separated-values").body("CYP2C19\t*1/*2\n")
                    .post(base + "/pharmcat-calls");
            case "care-team.read" -> request.get("/api/v1/care-teams/" + patientId + "/members");
            case "care-team.assign" -> request.put("/api/v1/care-teams/" + patientId + "/members/" + Users.CLINICIAN_ADMIN);
            case "patient-link.set" -> request.contentType(ContentType.JSON).body("{\"patientId\":\"" + patientId + "\"}")
                    .put("/api/v1/patient-links/" + Users.OTHER_PATIENT);
            case "patients.list" -> request.get("/api/v1/patients");
            case "fhir.import" -> request.contentType("application/fhir+json")
                    .queryParam("sourceSystem", Fixtures.OTHER_HOSPITAL).body(Fixtures.patients().bundles().get(3))
                    .post("/api/v1/imports/fhir");
            case "audit.query" -> request.queryParam("limit", 5).get("/api/v1/audit");
            case "audit.verify" -> request.get("/api/v1/audit/verify");
            case "audit.break-glass" -> request.get("/api/v1/audit/break-glass");
            case "model-cards" -> request.get("/api/v1/model-cards/af-stroke-prevention");
            default -> throw new IllegalArgumentException("no request for matrix endpoint " + endpoint);
        };
    }
}
