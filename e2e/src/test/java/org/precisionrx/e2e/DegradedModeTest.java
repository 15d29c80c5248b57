package org.precisionrx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.precisionrx.e2e.support.Admin;
import org.precisionrx.e2e.support.AuditTable;
import org.precisionrx.e2e.support.CdsHooks;
import org.precisionrx.e2e.support.DemoPatients;
import org.precisionrx.e2e.support.DemoPatients.DemoPatient;
import org.precisionrx.e2e.support.EndToEnd;
import org.precisionrx.e2e.support.GatewayClient.Exchange;
import org.precisionrx.e2e.support.Reply;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.RunningSystem.Service;
import org.precisionrx.e2e.support.Users;
import org.precisionrx.simulator.Indication;

/**
 * dosage-service goes away: what can still be answered is, flagged and audited as partial, and
 * nothing answers with a server error except the dose check, which has nothing left to say and
 * says so (503, as docs/gateway.md promises). Started again, it is used again without restarting
 * anything else.
 */
@EndToEnd
@Order(5)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DegradedModeTest {

    static final String FHIR_ID = "e2e-degraded-1";
    static final Duration RECOVERY = Duration.ofSeconds(120);

    private final RunningSystem system;
    private final AuditTable audit;
    private String patientId;
    private int exchangesBeforeOutage;

    DegradedModeTest(RunningSystem system) {
        this.system = system;
        this.audit = new AuditTable(system);
    }

    @BeforeAll
    void dosageGoesDown() {
        Admin admin = new Admin(system);
        DemoPatient patient = DemoPatients.pick(Indication.AF_STROKE_PREVENTION, 6505, FHIR_ID, DemoPatients.PLAIN);
        patientId = admin.importFhir(new CdsHooks(system).fhirServer(), patient.bundle());
        admin.assignCareTeam(patientId, Users.CLINICIAN);
        doseCheck().expect(200);
        exchangesBeforeOutage = system.gateway().exchanges().size();
        system.stop(Service.DOSAGE);
    }

    @AfterAll
    void dosageIsBackWhateverHappened() {
        system.start(Service.DOSAGE);
    }

    @Test
    @Order(1)
    void recommendationsStillAnswerFlaggedAsDegraded() {
        Reply reply = recommendations().expect(200);
        JsonNode body = reply.json();
        assertThat(body.path("degraded").asBoolean()).as(body.toString()).isTrue();
        assertThat(body.path("options").size()).isPositive();
        assertThat(body.path("warnings").size()).isPositive();
        assertThat(audit.decisionOf(reply.requestId()).outcome()).isEqualTo("PARTIAL");
    }

    @Test
    @Order(2)
    void orderSignSaysTheOrderWasNotChecked() {
        JsonNode draft = CdsHooks.draftOrder("apixaban-1", FHIR_ID, "1364430", "apixaban", 5, 2);
        Reply reply = new CdsHooks(system).call(CdsHooks.ORDER_SIGN, CdsHooks.orderSign(FHIR_ID, List.of(draft))).expect(200);
        JsonNode cards = reply.json().path("cards");
        assertThat(cards.size()).as(cards.toString()).isEqualTo(1);
        assertThat(cards.path(0).path("indicator").asText()).isEqualTo("warning");
        assertThat(cards.path(0).path("detail").asText()).contains("NOT checked");
        assertThat(audit.decisionOf(reply.requestId()).outcome()).isEqualTo("PARTIAL");
    }

    @Test
    @Order(3)
    void patientViewStillRanks() {
        JsonNode cards = new CdsHooks(system).call(CdsHooks.PATIENT_VIEW, CdsHooks.patientView(FHIR_ID)).expect(200)
                .json().path("cards");
        assertThat(cards.size()).as(cards.toString()).isPositive();
    }

    @Test
    @Order(4)
    void theProfileNeedsNoDosageService() {
        system.gateway().get("/api/v1/patients/" + patientId + "/profile").bearer(system.users().token(Users.PHARMACIST))
                .send().expect(200);
    }

    @Test
    @Order(5)
    void aDoseCheckIsAnHonest503() {
        Reply reply = doseCheck();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("Retry-After")).isNotNull();
        assertThat(reply.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    @Order(6)
    void nothingElseAnsweredWithAServerErrorDuringTheOutage() {
        List<Exchange> outage = system.gateway().exchanges().subList(exchangesBeforeOutage, system.gateway().exchanges().size());
        assertThat(outage).isNotEmpty();
        assertThat(outage).filteredOn(e -> e.status() >= 500 || e.status() < 0)
                .allSatisfy(e -> {
                    assertThat(e.path()).as(e.toString()).endsWith("/dose-checks");
                    assertThat(e.status()).as(e.toString()).isEqualTo(503);
                });
    }

    @Test
    @Order(7)
    void dosageComesBackAndIsUsedAgainByItself() {
        system.start(Service.DOSAGE);
        // Circuit breakers and gRPC channels recover on their own: poll, restart nothing else.
        Reply check = awaitUntil(this::doseCheck, r -> r.status() == 200);
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        Reply ranked = awaitUntil(this::recommendations, r -> r.status() == 200 && !r.json().path("degraded").asBoolean());
        assertThat(ranked.json().path("degraded").asBoolean()).as(ranked.toString()).isFalse();
        assertThat(audit.decisionOf(ranked.requestId()).outcome()).isEqualTo("SUCCESS");
    }

    private Reply awaitUntil(Supplier<Reply> request, java.util.function.Predicate<Reply> done) {
        Instant deadline = Instant.now().plus(RECOVERY);
        Reply reply = request.get();
        while (!done.test(reply) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofSeconds(1));
            reply = request.get();
        }
        return reply;
    }

    private Reply doseCheck() {
        return system.gateway().post("/api/v1/patients/" + patientId + "/dose-checks")
                .bearer(system.users().token(Users.PHARMACIST))
                .json("{\"drugId\":\"apixaban\",\"amount\":5,\"unit\":\"mg\",\"frequency\":\"BID\"}").send();
    }

    private Reply recommendations() {
        return system.gateway().post("/api/v1/patients/" + patientId + "/recommendations")
                .bearer(system.users().token(Users.CLINICIAN)).json("{\"indicationId\":\"af-stroke-prevention\"}").send();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
