package org.precisionrx.gateway.downstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.gateway.support.AuditLog;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

/**
 * With dosage-service down the gateway still answers clearly: rankings without dose ranges,
 * flagged and audited as partial; a warning card saying orders were not checked; a 503 problem
 * for a dose check. Never a 500.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DegradedModeTest {

    // Ordered steps rather than @BeforeAll/@AfterAll: Quarkus points RestAssured at the app only
    // around test methods, and these steps make requests.
    @Test
    @Order(1)
    void dosageGoesDown() {
        Fixtures.patients();
        GatewaySuite.stopDosage();
    }

    @Test
    @Order(100)
    void dosageComesBack() {
        GatewaySuite.startDosage();
        // Circuit breakers and channels recover on their own; wait until a dose check works again.
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until) && doseCheck().statusCode() != 200) {
            sleep();
        }
        assertThat(doseCheck().statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void recommendationsComeWithoutDoseRangesAndSaySo() {
        String requestId = "degraded-" + UUID.randomUUID();
        JsonPath body = given().auth().oauth2(Users.token(Users.CLINICIAN)).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body("{\"indicationId\":\"af-stroke-prevention\"}")
                .post("/api/v1/patients/" + Fixtures.patients().assigned() + "/recommendations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(body.getBoolean("degraded")).isTrue();
        assertThat(body.getList("options")).isNotEmpty();
        assertThat(body.getList("options.dose.dailyRange").stream().filter(java.util.Objects::nonNull).toList()).isEmpty();
        assertThat(body.getList("warnings", String.class)).isNotEmpty();
        List<AuditLog.Row> records = AuditLog.forRequest(requestId);
        assertThat(records.get(records.size() - 1).outcome()).isEqualTo("PARTIAL");
    }

    @Test
    @Order(3)
    void aDoseCheckIsA503ProblemNotA500() {
        Response response = doseCheck();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(response.asString()).doesNotContain("Exception", "at org.");
    }

    @Test
    @Order(4)
    void orderSignWarnsThatTheOrdersWereNotChecked() {
        String service = "precisionrx-order-sign";
        String fhirId = Fixtures.patients().fhirIds().get(1);
        String requestId = "degraded-cds-" + UUID.randomUUID();
        JsonPath cards = given().header("Authorization", "Bearer " + TestEhr.get().token("http://127.0.0.1:18104/cds-services/" + service))
                .header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(org.precisionrx.gateway.cdshooks.HookRequests.body(service, fhirId, null, 5))
                .post("/cds-services/" + service).then().statusCode(200).extract().jsonPath();
        assertThat(cards.getList("cards.indicator", String.class)).containsExactly("warning");
        assertThat(cards.getString("cards[0].detail")).contains("NOT checked");
        List<AuditLog.Row> records = AuditLog.forRequest(requestId);
        assertThat(records.get(records.size() - 1).outcome()).isEqualTo("PARTIAL");
    }

    private static Response doseCheck() {
        return given().auth().oauth2(Users.token(Users.PHARMACIST)).contentType(ContentType.JSON)
                .body("{\"drugId\":\"apixaban\",\"amount\":5,\"unit\":\"mg\",\"frequency\":\"BID\"}")
                .post("/api/v1/patients/" + Fixtures.patients().assigned() + "/dose-checks");
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
