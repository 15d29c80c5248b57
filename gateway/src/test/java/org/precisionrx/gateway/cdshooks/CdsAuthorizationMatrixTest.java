package org.precisionrx.gateway.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.gateway.support.AuditLog;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

/**
 * The CDS services' cells of the authorization matrix: each service × every Keycloak role (a
 * user token is not an EHR's JWT: 401) and × the EHR for patients of its own tenant (answered)
 * and of another hospital (403). Every case is audited under its request id.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class CdsAuthorizationMatrixTest {

    static final List<String> SERVICES = List.of("precisionrx-patient-view", "precisionrx-order-select",
            "precisionrx-order-sign", "precisionrx-medication-verify");
    static final List<String> USERS = List.of(Users.CLINICIAN, Users.PHARMACIST, Users.PATIENT, Users.ADMIN, Users.AUDITOR);

    @TestFactory
    Stream<DynamicTest> cdsServices() {
        List<DynamicTest> cases = new ArrayList<>();
        for (String service : SERVICES) {
            for (String user : USERS) {
                cases.add(DynamicTest.dynamicTest(service + " | keycloak token of " + user, () -> {
                    int fhirIndex = 1;
                    Response response = call(service, Users.token(user), fhirIndex, null);
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertAudited(response, "DENIED");
                }));
            }
            for (String relation : List.of("own", "assigned", "unassigned")) {
                cases.add(DynamicTest.dynamicTest(service + " | ehr | " + relation, () -> {
                    int index = List.of("own", "assigned", "unassigned").indexOf(relation);
                    Response response = call(service, TestEhr.get().token(HookRequests.BASE + service), index, null);
                    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                    assertThat(response.jsonPath().getList("cards")).isNotNull();
                    assertAudited(response, "SUCCESS", "PARTIAL");
                }));
            }
            cases.add(DynamicTest.dynamicTest(service + " | ehr | other hospital's patient", () -> {
                Response response = call(service, TestEhr.get().token(HookRequests.BASE + service), 3, Fixtures.OTHER_HOSPITAL);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(403);
                assertAudited(response, "DENIED");
            }));
        }
        return cases.stream();
    }

    private static Response call(String service, String token, int fixtureIndex, String fhirServer) {
        String fhirId = Fixtures.patients().fhirIds().get(fixtureIndex);
        return given().header("Authorization", "Bearer " + token).header("X-Request-Id", "cds-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(HookRequests.body(service, fhirId, fhirServer, 5))
                .post("/cds-services/" + service);
    }

    private static void assertAudited(Response response, String... outcomes) {
        List<AuditLog.Row> records = AuditLog.forRequest(response.header("X-Request-Id")).stream()
                .filter(r -> !r.action().startsWith("grpc:")).toList();
        assertThat(records).isNotEmpty();
        assertThat(records.get(records.size() - 1).outcome()).isIn((Object[]) outcomes);
        assertThat(records.get(records.size() - 1).action()).startsWith("cds.");
    }
}
