package org.precisionrx.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.access.PatientAccess;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

/** Bad input gets a precise RFC 9457 problem, never a 500 or a stack trace. */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class ProblemDetailsTest {

    private static RequestSpecification clinician() {
        return given().auth().oauth2(Users.token(Users.CLINICIAN));
    }

    private static String assigned() {
        return "/api/v1/patients/" + Fixtures.patients().assigned();
    }

    @Test
    void noTokenIs401() {
        given().get(assigned() + "/profile").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aForgedTokenIs401() {
        String token = Users.token(Users.CLINICIAN);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).get(assigned() + "/profile").then().statusCode(401);
    }

    @Test
    void aMalformedPatientIdNamesTheField() {
        clinician().get("/api/v1/patients/not-a-uuid/profile").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400)).body("violations.field", hasItem("patientId"));
    }

    @Test
    void missingAndOutOfRangeFieldsAreAllNamed() {
        clinician().contentType(ContentType.JSON).body("{\"maxOptions\":99}").post(assigned() + "/recommendations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("indicationId")).body("violations.field", hasItem("maxOptions"));
    }

    @Test
    void unknownFieldsAndBadJsonAreRejected() {
        clinician().contentType(ContentType.JSON).body("{\"indicationId\":\"acs-pci\",\"dose\":1}")
                .post(assigned() + "/recommendations").then().statusCode(400).body("violations.field", hasItem("dose"));
        clinician().contentType(ContentType.JSON).body("{\"indicationId\":").post(assigned() + "/recommendations")
                .then().statusCode(400).contentType("application/problem+json");
        clinician().contentType(ContentType.JSON).body("{\"drugId\":\"apixaban\",\"amount\":\"five\",\"unit\":\"mg\",\"frequency\":\"BID\"}")
                .post(assigned() + "/dose-checks").then().statusCode(400).body("violations.field", hasItem("amount"));
    }

    @Test
    void aBadFrequencyListsTheAllowedOnes() {
        clinician().contentType(ContentType.JSON).body("{\"drugId\":\"apixaban\",\"amount\":5,\"unit\":\"mg\",\"frequency\":\"sometimes\"}")
                .post(assigned() + "/dose-checks").then().statusCode(400)
                .body("violations.field", hasItem("frequency")).body("detail", containsString("BID"));
    }

    @Test
    void downstreamValidationComesBackAsFieldViolations() {
        clinician().contentType(ContentType.JSON).body("{\"indicationId\":\"no-such-indication\"}")
                .post(assigned() + "/recommendations").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("indicationId"));
        clinician().contentType(ContentType.JSON).body("{\"drugId\":\"aspirin-x\"}")
                .post(assigned() + "/dose-recommendations").then().statusCode(400)
                .body("violations.field", hasItem("drugId"));
    }

    @Test
    void aBreakGlassReasonMustSaySomething() {
        clinician().header(PatientAccess.BREAK_GLASS_HEADER, "x").get("/api/v1/patients/" + Fixtures.patients().unassigned() + "/profile")
                .then().statusCode(400).body("violations.field", hasItem(PatientAccess.BREAK_GLASS_HEADER));
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        clinician().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        clinician().delete(assigned() + "/profile").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/patients/{patientId}/profile"));
    }
}
