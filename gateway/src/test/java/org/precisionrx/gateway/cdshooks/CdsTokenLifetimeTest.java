package org.precisionrx.gateway.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.gateway.support.AuditLog;
import org.precisionrx.gateway.support.GatewaySuite;

/**
 * The jti replay table holds at most (request rate × longest token lifetime) rows because tokens
 * that live longer than {@code precisionrx.cds.max-token-lifetime} (5 min) are refused: over HTTP,
 * with a 401 naming the reason, audited like every other refused EHR token.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class CdsTokenLifetimeTest {

    private static final String SERVICE = "precisionrx-patient-view";

    @Test
    void aTokenValidForAnHourIsRefusedWithItsReasonAndAudited() {
        String token = tokenValidFor(3600);
        String requestId = "lifetime-" + UUID.randomUUID();

        given().header("Authorization", "Bearer " + token).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body(HookRequests.body(SERVICE, "ehr-patient-0", null, 5))
                .post("/cds-services/" + SERVICE)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("lifetime_too_long"));

        List<AuditLog.Row> audit = AuditLog.forRequest(requestId);
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo("DENIED");
            assertThat(row.action()).isEqualTo("cds." + SERVICE);
            assertThat(row.subject()).isEqualTo("unverified-ehr");
            assertThat(row.reason()).isEqualTo("CDS Hooks JWT rejected: lifetime_too_long");
        });
    }

    @Test
    void aTokenWithinTheLimitIsAccepted() {
        given().header("Authorization", "Bearer " + tokenValidFor(240))
                .contentType(ContentType.JSON).body(HookRequests.body(SERVICE, "never-seen-lifetime", null, 5))
                .post("/cds-services/" + SERVICE)
                .then().statusCode(412); // past authentication: the patient is simply unknown
    }

    /** A token for this service issued now and expiring {@code seconds} later. */
    private static String tokenValidFor(int seconds) {
        JwtClaims claims = TestEhr.get().claims(HookRequests.BASE + SERVICE);
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(seconds);
        claims.setExpirationTime(expiry);
        return TestEhr.get().token(claims);
    }
}
