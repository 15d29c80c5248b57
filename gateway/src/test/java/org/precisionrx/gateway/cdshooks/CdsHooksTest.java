package org.precisionrx.gateway.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.gateway.support.AuditLog;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;

/** CDS Hooks 2.0 end to end: discovery, real hook requests, conformant cards, feedback. */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class CdsHooksTest {

    static final String PATIENT_VIEW = "precisionrx-patient-view";
    static final String ORDER_SIGN = "precisionrx-order-sign";

    @Test
    void discoveryListsTheFourServicesWithPrefetchTemplates() {
        JsonPath discovery = given().get("/cds-services").then().statusCode(200).extract().jsonPath();
        assertThat(discovery.getList("services.id", String.class)).containsExactlyInAnyOrder(PATIENT_VIEW,
                "precisionrx-order-select", ORDER_SIGN, "precisionrx-medication-verify");
        assertThat(discovery.getList("services.hook", String.class))
                .containsExactlyInAnyOrder("patient-view", "order-select", "order-sign", "medication-verify");
        Map<String, String> prefetch = discovery.getMap("services.find { it.id == '" + PATIENT_VIEW + "' }.prefetch");
        assertThat(prefetch.get("patient")).isEqualTo("Patient/{{context.patientId}}");
        assertThat(prefetch.values()).anyMatch(t -> t.startsWith("MedicationRequest?"))
                .anyMatch(t -> t.startsWith("Condition?")).anyMatch(t -> t.startsWith("Observation?"));
    }

    @Test
    void patientViewRanksTheOptionsOfTheActiveIndications() {
        JsonPath cards = call(PATIENT_VIEW, HookRequests.body(PATIENT_VIEW, fhirId(1), null, 5));
        List<Map<String, Object>> list = cards.getList("cards");
        assertThat(list).isNotEmpty();
        list.forEach(CdsHooksTest::assertConformant);
        assertThat(cards.getString("cards[0].summary")).containsIgnoringCase("atrial fibrillation");
        assertThat(cards.getString("cards[0].detail")).contains("Benefit");
        // The recommender is asked to explain only the first option, and the card still explains it.
        assertThat(cards.getString("cards[0].summary")).contains(" ranked first of 3 options");
        assertThat(cards.getString("cards[0].detail")).containsPattern("\\*\\*Why \\S+ ranks first\\*\\*[^\\n]*\\n- ");
    }

    @Test
    void patientViewOfAStoredPatientFetchesTheProfileOnce() {
        // The gateway audits every gRPC call it makes before making it, under the request's id: its
        // GetProfile records are its GetProfile calls to patient-profile-service.
        String requestId = "pv-profile-once-" + UUID.randomUUID();
        JsonPath cards = call(PATIENT_VIEW, HookRequests.body(PATIENT_VIEW, fhirId(1), null, 5), requestId);
        assertThat(cards.getString("cards[0].summary")).containsIgnoringCase("atrial fibrillation");
        List<AuditLog.Row> records = AuditLog.forRequest(requestId);
        assertThat(getProfiles(records)).hasSize(1);
        // The access decision and its audit are as before: the hook's own record names the patient.
        AuditLog.Row hook = records.get(records.size() - 1);
        assertThat(hook.action()).isEqualTo("cds." + PATIENT_VIEW);
        assertThat(hook.patientId()).isEqualTo(Fixtures.patients().assigned());
        assertThat(hook.outcome()).isEqualTo("SUCCESS");
    }

    @Test
    void patientViewUsesPrefetchedDataWhenGiven() {
        // A patient the suite has never stored: everything comes from the prefetch.
        String fhirId = "prefetch-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"hook":"patient-view","hookInstance":"%s","context":{"userId":"Practitioner/1","patientId":"%s"},
                 "prefetch":{
                  "patient":{"resourceType":"Patient","id":"%s","gender":"female","birthDate":"1948-03-02"},
                  "conditions":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":
                    {"resourceType":"Condition","id":"%s-af","subject":{"reference":"Patient/%s"},
                     "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
                     "code":{"coding":[{"system":"http://snomed.info/sct","code":"49436004","display":"Atrial fibrillation"}]}}}]}}}
                """.formatted(UUID.randomUUID(), fhirId, fhirId, fhirId, fhirId);
        String requestId = "pv-prefetch-" + UUID.randomUUID();
        JsonPath cards = call(PATIENT_VIEW, body, requestId);
        List<Map<String, Object>> list = cards.getList("cards");
        assertThat(list).hasSize(1);
        // Importing the prefetch answers no profile, so the cards fetch it, as before.
        assertThat(getProfiles(AuditLog.forRequest(requestId))).hasSize(1);
        list.forEach(CdsHooksTest::assertConformant);
        assertThat(cards.getString("cards[0].summary")).containsIgnoringCase("atrial fibrillation");
    }

    @Test
    void anUnknownPatientWithoutDataIs412() {
        given().header("Authorization", "Bearer " + TestEhr.get().token(HookRequests.BASE + PATIENT_VIEW))
                .contentType(ContentType.JSON).body(HookRequests.body(PATIENT_VIEW, "never-seen-1", null, 5))
                .post("/cds-services/" + PATIENT_VIEW).then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void anOverdoseAtOrderSignGetsAWarningWithAFixedDoseSuggestion() {
        JsonPath answer = call(ORDER_SIGN, HookRequests.body(ORDER_SIGN, fhirId(1), null, 50));
        List<Map<String, Object>> cards = answer.getList("cards");
        assertThat(cards).isNotEmpty();
        cards.forEach(CdsHooksTest::assertConformant);
        assertThat(answer.getList("cards.indicator", String.class)).containsAnyOf("warning", "critical");
        assertThat(answer.getList("cards.suggestions.flatten().actions.flatten().type", String.class)).contains("update");
        assertThat(answer.getList("cards.overrideReasons.flatten()")).isNotEmpty();
    }

    @Test
    void aHookWithNothingToSayAnswersNoCards() {
        JsonPath answer = call(ORDER_SIGN, HookRequests.body(ORDER_SIGN, fhirId(1), null, 5));
        answer.getList("cards", Map.class).forEach(card -> assertConformant(card));
        assertThat(answer.getList("cards.indicator", String.class)).doesNotContain("warning", "critical");
    }

    @Test
    void feedbackOnIssuedCardsIsStoredAndUnknownCardsAreRefused() {
        JsonPath answer = call(ORDER_SIGN, HookRequests.body(ORDER_SIGN, fhirId(1), null, 50));
        String card = answer.getString("cards[0].uuid");
        String feedback = """
                {"feedback":[{"card":"%s","outcome":"overridden","outcomeTimestamp":"2026-11-25T10:00:00Z",
                  "overrideReason":{"reason":{"system":"https://precisionrx.org/fhir/CodeSystem/override-reason","code":"will-monitor"},
                                    "userComment":"Will check levels"}}]}
                """.formatted(card);
        given().header("Authorization", "Bearer " + TestEhr.get().token(HookRequests.BASE + ORDER_SIGN + "/feedback"))
                .contentType(ContentType.JSON).body(feedback).post("/cds-services/" + ORDER_SIGN + "/feedback")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + TestEhr.get().token(HookRequests.BASE + ORDER_SIGN + "/feedback"))
                .contentType(ContentType.JSON).body(feedback.replace(card, UUID.randomUUID().toString()))
                .post("/cds-services/" + ORDER_SIGN + "/feedback")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aTokenForAnotherServiceIsRejected() {
        given().header("Authorization", "Bearer " + TestEhr.get().token(HookRequests.BASE + PATIENT_VIEW))
                .contentType(ContentType.JSON).body(HookRequests.body(ORDER_SIGN, fhirId(1), null, 5))
                .post("/cds-services/" + ORDER_SIGN).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void corsPreflightIsAnsweredForConfiguredOriginsOnly() {
        given().header("Origin", "https://sandbox.cds-hooks.org").header("Access-Control-Request-Method", "POST")
                .options("/cds-services/" + PATIENT_VIEW).then()
                .header("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org");
        String allowed = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/cds-services/" + PATIENT_VIEW).then().extract().header("Access-Control-Allow-Origin");
        assertThat(allowed).isNull();
    }

    private static String fhirId(int index) {
        return Fixtures.patients().fhirIds().get(index);
    }

    private static JsonPath call(String service, String body) {
        return call(service, body, "cds-" + UUID.randomUUID());
    }

    private static JsonPath call(String service, String body, String requestId) {
        return given().header("Authorization", "Bearer " + TestEhr.get().token(HookRequests.BASE + service))
                .header("X-Request-Id", requestId).contentType(ContentType.JSON).body(body).post("/cds-services/" + service)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<AuditLog.Row> getProfiles(List<AuditLog.Row> records) {
        return records.stream().filter(r -> r.action().equals("grpc:PatientProfileService/GetProfile")).toList();
    }

    /** The spec's required card fields and limits, checked on the JSON the EHR receives. */
    @SuppressWarnings("unchecked")
    static void assertConformant(Map<String, Object> card) {
        assertThat((String) card.get("summary")).isNotBlank().hasSizeLessThan(140);
        assertThat((String) card.get("indicator")).isIn("info", "warning", "critical");
        assertThat((Map<String, Object>) card.get("source")).containsKey("label");
        assertThat(UUID.fromString((String) card.get("uuid"))).isNotNull();
        List<Map<String, Object>> suggestions = (List<Map<String, Object>>) card.get("suggestions");
        if (suggestions != null && !suggestions.isEmpty()) {
            assertThat((String) card.get("selectionBehavior")).isIn("at-most-one", "any");
            suggestions.forEach(s -> {
                assertThat((String) s.get("label")).isNotBlank();
                assertThat(UUID.fromString((String) s.get("uuid"))).isNotNull();
            });
        }
        List<Map<String, Object>> links = (List<Map<String, Object>>) card.get("links");
        if (links != null) {
            links.forEach(link -> assertThat((String) link.get("type")).isIn("absolute", "smart"));
        }
    }
}
