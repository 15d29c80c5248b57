package org.precisionrx.gateway.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.gateway.support.GatewaySuite;

/**
 * Without prefetch, the gateway reads the patient from the EHR's FHIR server with the access
 * token the EHR handed over (a small FHIR server served by this test), and answers 412 when it
 * cannot.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class FhirServerFetchTest {

    static final String TOKEN = "ehr-issued-access-token";
    static final String PATIENT = "fx-" + UUID.randomUUID().toString().substring(0, 8);
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static HttpServer fhir;

    @BeforeAll
    static void startFhirServer() throws IOException {
        fhir = HttpServer.create(new InetSocketAddress("127.0.0.1", GatewaySuite.LOCAL_FHIR_PORT), 0);
        fhir.createContext("/fhir", FhirServerFetchTest::answer);
        fhir.start();
    }

    @AfterAll
    static void stopFhirServer() {
        fhir.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        REQUESTS.add(path);
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"resourceType\":\"OperationOutcome\"}");
            return;
        }
        if (path.equals("/fhir/Patient/" + PATIENT)) {
            send(exchange, 200, "{\"resourceType\":\"Patient\",\"id\":\"" + PATIENT + "\",\"gender\":\"male\",\"birthDate\":\"1950-06-01\"}");
        } else if (path.startsWith("/fhir/Condition?")) {
            send(exchange, 200, """
                    {"resourceType":"Bundle","type":"searchset","entry":[{"resource":
                      {"resourceType":"Condition","id":"%s-af","subject":{"reference":"Patient/%s"},
                       "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                       "code":{"coding":[{"system":"http://snomed.info/sct","code":"49436004","display":"Atrial fibrillation"}]}}}]}
                    """.formatted(PATIENT, PATIENT));
        } else {
            send(exchange, 200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void patientViewReadsTheEhrsFhirServerWhenNothingWasPrefetched() {
        JsonPath answer = call(TOKEN).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("cards", Map.class)).hasSize(1);
        assertThat(answer.getString("cards[0].summary")).containsIgnoringCase("atrial fibrillation");
        assertThat(REQUESTS).anyMatch(r -> r.equals("/fhir/Patient/" + PATIENT))
                .anyMatch(r -> r.startsWith("/fhir/Condition?") && r.contains("patient=" + PATIENT));
    }

    @Test
    void aFhirServerThatRefusesTheTokenMeans412() {
        call("wrong-token").then().statusCode(412).contentType("application/problem+json");
    }

    private static io.restassured.response.Response call(String accessToken) {
        String service = "precisionrx-patient-view";
        String body = """
                {"hook":"patient-view","hookInstance":"%s","fhirServer":"%s",
                 "fhirAuthorization":{"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"precisionrx"},
                 "context":{"userId":"Practitioner/1","patientId":"%s"}}
                """.formatted(UUID.randomUUID(), GatewaySuite.LOCAL_FHIR_SERVER, accessToken, PATIENT);
        return given().header("Authorization", "Bearer " + TestEhr.get().token(HookRequests.BASE + service))
                .contentType(ContentType.JSON).body(body).post("/cds-services/" + service);
    }
}
