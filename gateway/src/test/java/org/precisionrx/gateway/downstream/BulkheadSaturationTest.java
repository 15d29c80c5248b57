package org.precisionrx.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.inject.Inject;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.v1.DosageServiceGrpc;
import org.precisionrx.gateway.cdshooks.HookRequests;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.gateway.support.AuditLog;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc;

/**
 * Backpressure through the gateway's HTTP API. A client (with its real fault-tolerance
 * interceptors) is pointed at a stand-in service that holds every call until released; its
 * bulkhead is filled with real requests, then more are sent. Exactly as many as the bulkhead
 * admits reach the service; each one beyond it is refused at once with a 429 problem
 * (Retry-After) and audited as FAILED; the admitted ones complete once released; nothing is a 5xx.
 * A CDS Hooks call whose ranking or dose check meets a full bulkhead gets a warning card saying
 * the service is busy and what was not checked; one that cannot even look up its patient gets
 * the 429 problem.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class BulkheadSaturationTest {

    private static final String PATIENT_VIEW = "precisionrx-patient-view";
    private static final String ORDER_SIGN = "precisionrx-order-sign";
    /** Requests sent once the bulkhead is full. */
    private static final int EXCESS = 8;
    private static final long WAIT_SECONDS = 120;
    private static final String INDICATION = "af-stroke-prevention";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    RecommenderClient recommender;

    @Inject
    DosageClient dosage;

    @Inject
    ProfileClient profiles;

    private HeldDownstream downstream;
    private final List<Sent> sent = new ArrayList<>();
    private final List<Runnable> putBack = new ArrayList<>();

    private record Sent(String requestId, CompletableFuture<HttpResponse<String>> response) {

        HttpResponse<String> get() throws Exception {
            return response.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void startStandIn() throws IOException {
        downstream = new HeldDownstream();
    }

    @AfterEach
    void putBackTheServices() throws InterruptedException {
        putBack.forEach(Runnable::run);
        putBack.clear();
        // Even after a failed assertion: let every held call answer (no cancelled call counts
        // against a circuit breaker that later tests rely on), then stop the stand-in.
        downstream.release();
        for (Sent request : sent) {
            try {
                request.get();
            } catch (Exception ignored) {
                // its test has failed already
            }
        }
        downstream.close();
    }

    @Test
    void rankingsBeyondTheBulkheadAre429WithRetryAfterAndTheAdmittedOnesComplete() throws Exception {
        String patient = Fixtures.patients().assigned(); // imported before any client is pointed elsewhere
        String token = Users.token(Users.CLINICIAN);
        int capacity = holdRecommender();
        List<Sent> admitted = fill(capacity, id -> recommendations(token, patient, id));

        List<Sent> excess = send(EXCESS, "excess", id -> recommendations(token, patient, id));
        List<Integer> statuses = new ArrayList<>();
        for (Sent refused : excess) {
            HttpResponse<String> response = refused.get(); // answered while the admitted ones are still held
            statuses.add(response.statusCode());
            assertTooManyRequests(response, refused.requestId());
            // Audited like every allowed access that could not be carried out: one FAILED record, no gRPC call.
            assertThat(AuditLog.forRequest(refused.requestId()))
                    .extracting(AuditLog.Row::action, AuditLog.Row::outcome, AuditLog.Row::patientId)
                    .containsExactly(tuple("recommendations.request", "FAILED", patient));
            assertThat(AuditLog.detailsForRequest(refused.requestId())).containsExactly("failed: BulkheadException");
        }
        assertThat(downstream.calls()).as("calls that reached the service").isEqualTo(capacity);

        downstream.release();
        for (Sent ok : admitted) {
            HttpResponse<String> response = ok.get();
            statuses.add(response.statusCode());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JsonPath.from(response.body()).getString("indicationId")).isEqualTo(INDICATION);
            assertThat(AuditLog.forRequest(ok.requestId())).extracting(AuditLog.Row::action, AuditLog.Row::outcome)
                    .containsExactly(tuple("grpc:RecommenderService/Recommend", "SUCCESS"), tuple("recommendations.request", "SUCCESS"));
        }
        assertThat(statuses).as("no 5xx: the bulkhead's worth of 200s, the rest 429")
                .containsOnly(200, 429).hasSize(capacity + EXCESS)
                .filteredOn(status -> status == 429).hasSize(EXCESS);

        // Shedding load is not a failure of the service: its circuit breaker stays closed.
        HttpResponse<String> after = send(1, "after", id -> recommendations(token, patient, id)).get(0).get();
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    }

    @Test
    void patientViewWithTheRankingBulkheadFullWarnsThatNoOptionsAreShown() throws Exception {
        String patient = Fixtures.patients().assigned();
        String token = Users.token(Users.CLINICIAN);
        assertHookWarnsWhileFull(holdRecommender(), id -> recommendations(token, patient, id), PATIENT_VIEW,
                "Treatment ranking is unavailable right now", "busy", "try again", "no options are shown");
    }

    @Test
    void orderSignWithTheDoseCheckBulkheadFullWarnsThatTheOrdersWereNotChecked() throws Exception {
        String patient = Fixtures.patients().assigned();
        String token = Users.token(Users.PHARMACIST);
        assertHookWarnsWhileFull(holdDosage(), id -> doseCheck(token, patient, id), ORDER_SIGN,
                "Dose checks are unavailable right now", "busy", "try again", "NOT checked");
    }

    @Test
    void aHookThatCannotLookUpItsPatientIs429AndAudited() throws Exception {
        Fixtures.patients();
        // Held at the patient lookup (GetProfile by FHIR id), which every hook without prefetch makes first.
        int capacity = holdProfiles();
        List<Sent> admitted = fill(capacity, id -> hook(PATIENT_VIEW, id));

        String requestId = "saturated-cds-" + UUID.randomUUID();
        HttpResponse<String> response = HTTP.send(hook(PATIENT_VIEW, requestId), BodyHandlers.ofString());
        assertTooManyRequests(response, requestId);
        assertThat(AuditLog.forRequest(requestId))
                .extracting(AuditLog.Row::action, AuditLog.Row::outcome, AuditLog.Row::patientId)
                .containsExactly(tuple("cds." + PATIENT_VIEW, "FAILED", null));
        assertThat(AuditLog.detailsForRequest(requestId)).containsExactly("failed: BulkheadException");
        assertThat(downstream.calls()).as("the refused hook's lookup was not sent").isEqualTo(capacity);
        releaseAndAssertAllOk(admitted);
    }

    /** Points the recommender client at the stand-in; returns how many calls its bulkhead admits. */
    private int holdRecommender() {
        standIn(recommender, c -> c.stub, (c, stub) -> c.stub = stub, RecommenderServiceGrpc.newBlockingStub(downstream.channel()));
        return bulkhead(RecommenderClient.class);
    }

    private int holdDosage() {
        standIn(dosage, c -> c.stub, (c, stub) -> c.stub = stub, DosageServiceGrpc.newBlockingStub(downstream.channel()));
        return bulkhead(DosageClient.class);
    }

    private int holdProfiles() {
        standIn(profiles, c -> c.stub, (c, stub) -> c.stub = stub, PatientProfileServiceGrpc.newBlockingStub(downstream.channel()));
        return bulkhead(ProfileClient.class);
    }

    /** Points a client's bean (its fault-tolerance interceptors unchanged) at the stand-in until the test ends. */
    private <C, S> void standIn(C client, Function<C, S> stub, BiConsumer<C, S> setStub, S standIn) {
        C bean = ClientProxy.unwrap(client);
        S original = stub.apply(bean);
        setStub.accept(bean, standIn);
        putBack.add(() -> setStub.accept(bean, original));
    }

    /** The client's bulkhead: how many of its calls run at once. */
    private static int bulkhead(Class<?> client) {
        return client.getAnnotation(Bulkhead.class).value();
    }

    /** Sends {@code capacity} requests and waits until each holds a bulkhead permit at the stand-in. */
    private List<Sent> fill(int capacity, Function<String, HttpRequest> request) throws InterruptedException {
        List<Sent> admitted = send(capacity, "admitted", request);
        downstream.awaitHeld(capacity);
        return admitted;
    }

    private List<Sent> send(int count, String kind, Function<String, HttpRequest> request) {
        List<Sent> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String requestId = "bulkhead-" + kind + "-" + UUID.randomUUID();
            requests.add(new Sent(requestId, HTTP.sendAsync(request.apply(requestId), BodyHandlers.ofString())));
        }
        sent.addAll(requests);
        return requests;
    }

    /** Lets the held calls answer: every admitted request completes normally. */
    private void releaseAndAssertAllOk(List<Sent> admitted) throws Exception {
        downstream.release();
        for (Sent ok : admitted) {
            HttpResponse<String> response = ok.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    private static void assertTooManyRequests(HttpResponse<String> response, String requestId) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(seconds).matches("[1-9][0-9]*"));
        assertThat(response.headers().firstValue("X-Request-Id")).contains(requestId);
        JsonPath problem = JsonPath.from(response.body());
        assertThat(problem.getInt("status")).isEqualTo(429);
        assertThat(problem.getString("title")).isEqualTo("Too many requests");
        assertThat(problem.getString("detail")).contains("too many concurrent requests", "try again");
        assertThat(problem.getString("requestId")).isEqualTo(requestId);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    /**
     * Fills the held client's bulkhead with {@code capacity} requests; then the hook answers one warning
     * card (audited PARTIAL) and sends the held service nothing; once released, the admitted complete.
     */
    private void assertHookWarnsWhileFull(int capacity, Function<String, HttpRequest> filler, String service, String summary,
            String... detail) throws Exception {
        List<Sent> admitted = fill(capacity, filler);
        String requestId = "saturated-cds-" + UUID.randomUUID();
        HttpResponse<String> response = HTTP.send(hook(service, requestId), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonPath cards = JsonPath.from(response.body());
        assertThat(cards.getList("cards.indicator", String.class)).containsExactly("warning");
        assertThat(cards.getString("cards[0].summary")).isEqualTo(summary);
        assertThat(cards.getString("cards[0].detail")).contains(detail);
        assertThat(cards.getString("cards[0].source.label")).isEqualTo("PrecisionRx");
        List<AuditLog.Row> records = AuditLog.forRequest(requestId);
        assertThat(records.get(records.size() - 1).outcome()).isEqualTo("PARTIAL");
        assertThat(downstream.calls()).as("calls that reached the service").isEqualTo(capacity);
        releaseAndAssertAllOk(admitted);
    }

    private static HttpRequest recommendations(String token, String patient, String requestId) {
        return post("/api/v1/patients/" + patient + "/recommendations", token, requestId,
                "{\"indicationId\":\"" + INDICATION + "\",\"maxOptions\":3}");
    }

    private static HttpRequest doseCheck(String token, String patient, String requestId) {
        return post("/api/v1/patients/" + patient + "/dose-checks", token, requestId,
                "{\"drugId\":\"apixaban\",\"amount\":5,\"unit\":\"mg\",\"frequency\":\"BID\"}");
    }

    private static HttpRequest hook(String service, String requestId) {
        String url = HookRequests.BASE + service;
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TestEhr.get().token(url))
                .header("X-Request-Id", requestId).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(HookRequests.body(service, Fixtures.patients().fhirIds().get(1), null, 5)))
                .build();
    }

    private static HttpRequest post(String path, String token, String requestId, String json) {
        return HttpRequest.newBuilder(URI.create(HookRequests.BASE).resolve(path)).header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(WAIT_SECONDS)).POST(BodyPublishers.ofString(json)).build();
    }
}
