package org.precisionrx.recommender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.recommender.client.StandInDownstreams.BREAKER_DELAY_MS;
import static org.precisionrx.recommender.client.StandInDownstreams.BULKHEAD;
import static org.precisionrx.recommender.client.StandInDownstreams.DOSAGE_DEADLINE_MS;
import static org.precisionrx.recommender.client.StandInDownstreams.PAGE_DEADLINE_MS;
import static org.precisionrx.recommender.client.StandInDownstreams.PROFILE_DEADLINE_MS;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.RetryWhen;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.v1.DoseResult;
import org.precisionrx.grpc.Transient;
import org.precisionrx.profile.v1.GetProfilesRequest;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.model.ModelRegistry;
import org.precisionrx.recommender.testsupport.Models;
import org.precisionrx.recommender.testsupport.StandInDosage;
import org.precisionrx.recommender.testsupport.StandInProfiles;
import org.precisionrx.recommender.v1.PopulationScore;
import org.precisionrx.recommender.v1.RankedOption;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc.RecommenderServiceBlockingStub;
import org.precisionrx.recommender.v1.ScorePopulationRequest;
import org.precisionrx.testsupport.CallerDeadlines;
import org.precisionrx.testsupport.GrpcFailures;
import org.precisionrx.testsupport.StandIn;

/**
 * The recommender's two clients with their real fault-tolerance interceptors, against real gRPC
 * servers standing in for patient-profile-service and dosage-service ({@link StandIn}: they count
 * every call that reaches them and the deadline it carries), directly and through {@code Recommend}.
 */
@QuarkusTest
@WithTestResource(StandInDownstreams.class)
class ClientsFaultToleranceTest {

    private static final String PATIENT = "0b7c3f1e-5a2d-4c8b-9e6f-2d1a3b4c5e6f";
    private static final String INDICATION = "acs-pci";
    private static final List<String> DRUGS = List.of("clopidogrel", "prasugrel", "ticagrelor");
    private static final String PROFILE_FAILED = "patient-profile-service did not answer (UNAVAILABLE)";
    private static final String PROFILE_BREAKER_OPEN = "patient-profile-service is failing; not called while its circuit breaker is open";

    private static StandIn profiles;
    private static StandIn dosage;
    private static boolean connected;

    @Inject
    ProfileClient profileClient;

    @Inject
    DosageClient dosageClient;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ModelRegistry registry;

    @GrpcClient("recommender")
    RecommenderServiceBlockingStub recommender;

    @BeforeAll
    static void start() throws Exception {
        profiles = new StandIn();
        profiles.start(StandInDownstreams.PROFILE_PORT, new StandInProfiles(profiles));
        dosage = new StandIn();
        dosage.start(StandInDownstreams.DOSAGE_PORT, new StandInDosage(dosage));
    }

    @AfterAll
    static void stop() throws Exception {
        profiles.close();
        dosage.close();
    }

    @BeforeEach
    void reset() {
        // The first calls connect, which a loaded machine may not do at once; no test pays for it.
        for (int attempt = 0; !connected && attempt < 20; attempt++) {
            connected = fetched() && doses().isPresent();
        }
        assertThat(connected).as("both stand-ins answered once").isTrue();
        profiles.reset();
        dosage.reset();
        breakers.resetAll();
    }

    // 1. Retries: idempotent reads only, only on UNAVAILABLE, with a jittered pause.

    @Test
    void readsAreRetriedWhileTheServiceIsUnavailable() {
        profiles.failNext(2, Status.UNAVAILABLE);
        assertThat(profileClient.fetch(PATIENT).getPatientId()).isEqualTo(PATIENT);
        assertThat(profiles.calls).as("GetProfile: one call and two retries").hasValue(3);
        assertPausedBetweenAttempts(profiles);

        profiles.reset();
        profiles.failNext(2, Status.UNAVAILABLE);
        assertThat(profileClient.fetchMany(page()).getProfilesCount()).isEqualTo(1);
        assertThat(profiles.calls).as("GetProfiles: one call and two retries").hasValue(3);

        dosage.failNext(2, Status.UNAVAILABLE);
        assertThat(doses()).hasValueSatisfying(results -> assertThat(results).hasSize(DRUGS.size()));
        assertThat(dosage.calls).as("RecommendDoses: one call and two retries").hasValue(3);
        assertPausedBetweenAttempts(dosage);
    }

    @Test
    void retriesAreBounded() {
        profiles.failNext(100, Status.UNAVAILABLE);
        StatusRuntimeException e = GrpcFailures.of(() -> profileClient.fetch(PATIENT));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).isEqualTo(PROFILE_FAILED);
        assertThat(profiles.calls).hasValue(3);

        dosage.failNext(100, Status.UNAVAILABLE);
        assertThat(doses()).as("no doses: the caller answers degraded").isEmpty();
        assertThat(dosage.calls).hasValue(3);
    }

    @Test
    void requestFaultsAndOtherFailuresAreNotRetried() {
        for (Status status : new Status[] {Status.INVALID_ARGUMENT, Status.NOT_FOUND, Status.RESOURCE_EXHAUSTED,
                Status.INTERNAL, Status.UNKNOWN}) {
            boolean requestFault = status == Status.INVALID_ARGUMENT || status == Status.NOT_FOUND;
            Status.Code expected = requestFault ? status.getCode() : Status.Code.UNAVAILABLE;

            resetAll();
            profiles.failNext(1, status);
            StatusRuntimeException fetch = GrpcFailures.of(() -> profileClient.fetch(PATIENT));
            assertThat(fetch.getStatus().getCode()).as("GetProfile " + status.getCode()).isEqualTo(expected);
            assertThat(profiles.calls).as("GetProfile " + status.getCode()).hasValue(1);

            resetAll();
            profiles.failNext(1, status);
            StatusRuntimeException page = GrpcFailures.of(() -> profileClient.fetchMany(page()));
            assertThat(page.getStatus().getCode()).as("GetProfiles " + status.getCode()).isEqualTo(expected);
            assertThat(profiles.calls).as("GetProfiles " + status.getCode()).hasValue(1);

            resetAll();
            dosage.failNext(1, status);
            assertThat(doses()).as("RecommendDoses " + status.getCode()).isEmpty();
            assertThat(dosage.calls).as("RecommendDoses " + status.getCode()).hasValue(1);
        }
    }

    @Test
    void onlyIdempotentReadsCarryARetryAndItIsJittered() {
        // Every public method of a client is listed here as a read; a new one (a write) fails this test until decided.
        assertThat(publicMethods(ProfileClient.class)).extracting(Method::getName).containsExactlyInAnyOrder("fetch", "fetchMany");
        assertThat(publicMethods(DosageClient.class)).extracting(Method::getName).containsExactlyInAnyOrder("doses");
        List<Method> reads = new ArrayList<>(publicMethods(ProfileClient.class));
        reads.addAll(publicMethods(DosageClient.class));
        assertThat(reads).allSatisfy(read -> {
            Retry retry = read.getAnnotation(Retry.class);
            assertThat(retry).as(read.getName()).isNotNull();
            assertThat(retry.jitter()).as(read.getName() + " jitter").isPositive().isLessThan(retry.delay());
            assertThat(read.getAnnotation(RetryWhen.class).exception()).as(read.getName()).isEqualTo(Transient.class);
        });
    }

    // 2. Deadlines: the configured one, bounded by the caller's; a late call is not started.

    @Test
    void withoutACallerDeadlineTheConfiguredOneIsSent() {
        profileClient.fetch(PATIENT);
        profileClient.fetchMany(page());
        doses();

        assertThat(profiles.deadlines).hasSize(2);
        assertThat(profiles.deadlines.get(0)).as("GetProfile").isBetween(PROFILE_DEADLINE_MS / 2, PROFILE_DEADLINE_MS);
        assertThat(profiles.deadlines.get(1)).as("GetProfiles has its own, longer deadline")
                .isBetween(PROFILE_DEADLINE_MS + 1, PAGE_DEADLINE_MS);
        assertThat(dosage.deadlines).singleElement().satisfies(left ->
                assertThat(left).as("RecommendDoses").isBetween(DOSAGE_DEADLINE_MS / 2, DOSAGE_DEADLINE_MS));
    }

    @Test
    void aShorterCallerDeadlineWins() {
        long caller = 3_000;
        CallerDeadlines.within(caller, () -> profileClient.fetch(PATIENT));
        CallerDeadlines.within(caller, () -> profileClient.fetchMany(page()));
        CallerDeadlines.within(caller, this::doses);

        assertThat(profiles.deadlines).hasSize(2).allSatisfy(left -> assertThat(left).isBetween(1L, caller));
        assertThat(dosage.deadlines).singleElement().satisfies(left -> assertThat(left).isBetween(1L, caller));
    }

    @Test
    void aCallHeldPastTheCallersDeadlineEndsThenAndIsNotRetried() {
        CountDownLatch release = profiles.holdCalls();
        long started = System.nanoTime();
        StatusRuntimeException late = GrpcFailures.of(() -> CallerDeadlines.within(1_000, () -> profileClient.fetch(PATIENT)));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        release.countDown();

        assertThat(late.getStatus().getDescription()).isEqualTo("patient-profile-service did not answer (DEADLINE_EXCEEDED)");
        assertThat(tookMs).as("ended by the caller's 1 s, not the configured 10 s").isBetween(900L, PROFILE_DEADLINE_MS - 1);
        assertThat(profiles.calls).as("a spent deadline is not retried").hasValue(1);
    }

    @Test
    void aCallWhoseCallerIsAlreadyLateIsNotStarted() {
        for (long left : new long[] {-1, 20}) { // passed, and under the 50 ms minimum
            StatusRuntimeException fetch = GrpcFailures.of(() -> CallerDeadlines.within(left, () -> profileClient.fetch(PATIENT)));
            assertThat(fetch.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            assertThat(fetch.getStatus().getDescription()).startsWith("not calling patient-profile-service");
            StatusRuntimeException page = GrpcFailures.of(() -> CallerDeadlines.within(left, () -> profileClient.fetchMany(page())));
            assertThat(page.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            assertThat(CallerDeadlines.within(left, this::doses)).isEmpty();
        }
        assertThat(profiles.calls).as("patient-profile-service never called").hasValue(0);
        assertThat(dosage.calls).as("dosage-service never called").hasValue(0);
    }

    @Test
    void lateCallersDoNotOpenTheBreakerOfAHealthyService() {
        for (int i = 0; i < 12; i++) { // more than the breaker's 10-call window
            GrpcFailures.of(() -> CallerDeadlines.within(-1, () -> profileClient.fetch(PATIENT)));
            CallerDeadlines.within(-1, this::doses);
        }
        assertThat(profileClient.fetch(PATIENT).getPatientId()).isEqualTo(PATIENT);
        assertThat(doses()).isPresent();
        assertThat(profiles.calls).hasValue(1);
        assertThat(dosage.calls).hasValue(1);
    }

    // 3. Circuit breakers: open after repeated failures, refuse without calling, close after their delay.

    @Test
    void theProfileBreakerOpensRefusesAtOnceAndClosesWhenTheServiceRecovers() {
        Models.awaitLoaded(registry);
        profiles.failNext(1_000, Status.UNAVAILABLE);
        for (int i = 0; i < 3; i++) { // 3 calls × 3 attempts
            assertThat(GrpcFailures.of(() -> profileClient.fetch(PATIENT)).getStatus().getDescription()).isEqualTo(PROFILE_FAILED);
        }
        long lastReached = System.nanoTime();
        // The 10th attempt fills the breaker's window with failures: it opens, and the retry stops there.
        assertThat(GrpcFailures.of(() -> profileClient.fetch(PATIENT)).getStatus().getDescription()).isEqualTo(PROFILE_BREAKER_OPEN);
        assertThat(profiles.calls).hasValue(10);

        StatusRuntimeException open = GrpcFailures.of(() -> profileClient.fetch(PATIENT));
        assertThat(open.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(open.getStatus().getDescription()).isEqualTo(PROFILE_BREAKER_OPEN);
        StatusRuntimeException viaRecommend = GrpcFailures.of(() -> recommend(recommender));
        assertThat(viaRecommend.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(viaRecommend.getStatus().getDescription()).isEqualTo(PROFILE_BREAKER_OPEN);
        assertThat(profiles.calls).as("not called while open").hasValue(10);

        profiles.reset(); // the service recovers
        awaitClosed(lastReached, profiles, () -> profileClient.fetch(PATIENT));
        for (int i = 0; i < 10; i++) {
            assertThat(profileClient.fetch(PATIENT).getPatientId()).isEqualTo(PATIENT);
        }
        assertThat(profiles.calls).as("closed: every call reaches the service").hasValue(11);
    }

    @Test
    void theDosageBreakerOpensSoRankingsComeDegradedAtOnceAndClosesWhenTheServiceRecovers() {
        Models.awaitLoaded(registry);
        dosage.failNext(1_000, Status.UNAVAILABLE);
        for (int i = 0; i < 3; i++) { // 3 calls × 3 attempts
            assertThat(doses()).isEmpty();
        }
        long lastReached = System.nanoTime();
        assertThat(doses()).isEmpty();
        assertThat(dosage.calls).as("the 10th attempt opens the breaker, and the retry stops there").hasValue(10);

        RecommendResponse degraded = recommend(recommender);
        assertDegraded(degraded, "dosage-service is failing; not called while its circuit breaker is open");
        assertThat(dosage.calls).as("not called while open").hasValue(10);

        dosage.reset();
        awaitClosed(lastReached, dosage, () -> doses().orElseThrow(() -> Status.UNAVAILABLE.asRuntimeException()));
        RecommendResponse whole = recommend(recommender);
        assertThat(whole.getDegraded()).isFalse();
        assertThat(whole.getOptionsList()).isNotEmpty().allSatisfy(o -> assertThat(o.hasDose()).isTrue());
        assertThat(dosage.calls).hasValue(2);
    }

    // 4. Bulkheads: a full one refuses at once, while the calls inside it are still held.

    @Test
    void aFullBulkheadRefusesAtOnce() throws Exception {
        Models.awaitLoaded(registry);
        CountDownLatch releaseProfiles = profiles.holdCalls();
        CountDownLatch releaseDosage = dosage.holdCalls();
        ExecutorService pool = Executors.newFixedThreadPool(2 * BULKHEAD);
        try {
            List<Future<?>> inside = new ArrayList<>();
            for (int i = 0; i < BULKHEAD; i++) {
                inside.add(pool.submit(() -> profileClient.fetch(PATIENT)));
                inside.add(pool.submit(this::doses));
            }
            awaitHeld(profiles, BULKHEAD);
            awaitHeld(dosage, BULKHEAD);

            StatusRuntimeException full = GrpcFailures.of(() -> profileClient.fetch(PATIENT));
            assertThat(full.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(full.getStatus().getDescription()).isEqualTo("too many calls to patient-profile-service in flight; retry shortly");
            StatusRuntimeException viaRecommend = GrpcFailures.of(() -> recommend(recommender));
            assertThat(viaRecommend.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(doses()).as("no doses: the caller answers degraded").isEmpty();

            // Refused while the calls inside were still held: nothing queued behind them.
            assertThat(profiles.held).hasValue(BULKHEAD);
            assertThat(dosage.held).hasValue(BULKHEAD);
            assertThat(profiles.calls).hasValue(BULKHEAD);
            assertThat(dosage.calls).hasValue(BULKHEAD);

            releaseProfiles.countDown();
            releaseDosage.countDown();
            for (Future<?> call : inside) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isNotNull(); // the calls inside still complete
            }
        } finally {
            releaseProfiles.countDown();
            releaseDosage.countDown();
            pool.shutdownNow();
        }
    }

    // 5. Through Recommend and ScorePopulation.

    @Test
    void profileServiceFailingIsUnavailableNamingItNeverUnknown() {
        Models.awaitLoaded(registry);
        for (Status status : new Status[] {Status.UNAVAILABLE, Status.INTERNAL, Status.UNKNOWN, Status.RESOURCE_EXHAUSTED}) {
            resetAll();
            profiles.failNext(1_000, status);
            StatusRuntimeException e = GrpcFailures.of(() -> recommend(recommender));
            assertThat(e.getStatus().getCode()).as(status.getCode().name()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(e.getStatus().getDescription()).as(status.getCode().name())
                    .isEqualTo("patient-profile-service did not answer (" + status.getCode() + ")");
            assertThat(profiles.calls).as(status.getCode().name()).hasValue(status == Status.UNAVAILABLE ? 3 : 1);
        }
        assertThat(dosage.calls).as("no ranking, so no dose asked").hasValue(0);
    }

    @Test
    void dosageServiceFailingGivesTheRankingWithoutDosesFlaggedDegraded() {
        Models.awaitLoaded(registry);
        RecommendResponse whole = recommend(recommender);
        assertThat(whole.getDegraded()).isFalse();
        assertThat(whole.getOptionsList()).isNotEmpty().allSatisfy(o -> assertThat(o.hasDose()).isTrue());

        for (Status status : new Status[] {Status.UNAVAILABLE, Status.INTERNAL}) {
            resetAll();
            dosage.failNext(1_000, status);
            RecommendResponse degraded = recommend(recommender);
            assertDegraded(degraded, "dosage-service did not answer (" + status.getCode() + ")");
            assertThat(degraded.getOptionsList()).extracting(RankedOption::getDrugId)
                    .containsExactlyInAnyOrderElementsOf(whole.getOptionsList().stream().map(RankedOption::getDrugId).toList());
            assertThat(dosage.calls).as(status.getCode().name()).hasValue(status == Status.UNAVAILABLE ? 3 : 1);
        }
    }

    @Test
    void dosageServiceRefusingTheRequestIsSaidSoNotThatItDidNotAnswer() {
        Models.awaitLoaded(registry);
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + (record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(DosageClient.class.getName());
        log.addHandler(capture);
        try {
            for (Status status : new Status[] {Status.INVALID_ARGUMENT, Status.NOT_FOUND}) {
                resetAll();
                logged.clear();
                dosage.failNext(1, status);
                String refused = "dosage-service refused the request (" + status.getCode() + ": scripted failure)";

                RecommendResponse degraded = recommend(recommender);
                assertDegraded(degraded, refused);
                assertThat(degraded.getWarningsList()).as(status.getCode().name()).noneSatisfy(w -> assertThat(w).contains("did not answer"));
                assertThat(logged).as(status.getCode().name()).containsExactly("WARN " + refused + "; ranking without doses");
                assertThat(dosage.calls).as(status.getCode() + ": answered, so not retried").hasValue(1);
            }
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void theCallersDeadlineReachesBothDownstreamsThroughRecommend() {
        Models.awaitLoaded(registry);
        long caller = 6_000;
        recommend(recommender.withDeadlineAfter(caller, TimeUnit.MILLISECONDS));
        assertThat(profiles.deadlines).singleElement().satisfies(left -> assertThat(left).isBetween(1L, caller));
        assertThat(dosage.deadlines).singleElement().satisfies(left -> assertThat(left).isBetween(1L, caller));

        resetAll();
        recommend(recommender);
        assertThat(profiles.deadlines).as("without one, the configured deadline")
                .singleElement().satisfies(left -> assertThat(left).isGreaterThan(caller));
    }

    @Test
    void aFailedProfilePageEndsThePopulationStreamUnavailable() {
        Models.awaitLoaded(registry);
        profiles.failNext(1_000, Status.UNAVAILABLE);
        StatusRuntimeException e = GrpcFailures.of(() -> {
            List<PopulationScore> scores = new ArrayList<>();
            recommender.scorePopulation(ScorePopulationRequest.newBuilder().setIndicationId(INDICATION).addPatientIds(PATIENT)
                    .build()).forEachRemaining(scores::add);
            return scores;
        });
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).isEqualTo(PROFILE_FAILED);
        assertThat(profiles.calls).hasValue(3);
    }

    private Optional<List<DoseResult>> doses() {
        return dosageClient.doses(PatientProfile.newBuilder().setPatientId(PATIENT).build(), INDICATION, DRUGS).results();
    }

    private boolean fetched() {
        try {
            return profileClient.fetch(PATIENT).getPatientId().equals(PATIENT);
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    private static GetProfilesRequest page() {
        return GetProfilesRequest.newBuilder().addPatientIds(PATIENT).build();
    }

    private static RecommendResponse recommend(RecommenderServiceBlockingStub stub) {
        return stub.recommend(RecommendRequest.newBuilder().setPatientId(PATIENT).setIndicationId(INDICATION).build());
    }

    /** Ranked without doses, flagged, with a warning that starts with {@code why} dosage-service gave none. */
    private static void assertDegraded(RecommendResponse response, String why) {
        assertThat(response.getDegraded()).isTrue();
        assertThat(response.getWarningsList()).anySatisfy(w -> assertThat(w).startsWith(why + ": safety status and dose ranges are missing"));
        assertThat(response.getOptionsList()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.hasDose()).as(o.getDrugId() + " has no dose").isFalse());
    }

    private void resetAll() {
        profiles.reset();
        dosage.reset();
        breakers.resetAll();
    }

    /** Retries pause at least the delay less the jitter (50 − 40 ms) between attempts. */
    private static void assertPausedBetweenAttempts(StandIn standIn) {
        for (int i = 1; i < standIn.arrivals.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(standIn.arrivals.get(i) - standIn.arrivals.get(i - 1)))
                    .as("pause before attempt " + (i + 1)).isGreaterThanOrEqualTo(10);
        }
    }

    /**
     * Calls until one reaches the recovered stand-in; every call before that must be refused without
     * reaching it, and the first to reach it must come no sooner than the breaker's delay after the
     * last failing call began (the breaker opened during that call, or later).
     */
    private static void awaitClosed(long lastReached, StandIn standIn, Supplier<?> call) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                call.get();
                break;
            } catch (StatusRuntimeException refused) {
                assertThat(standIn.calls).as("refused without calling: " + refused.getStatus()).hasValue(0);
                assertThat(System.nanoTime()).as("breaker still open after 60 s").isLessThan(giveUp);
                sleep(100);
            }
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReached)).isGreaterThanOrEqualTo(BREAKER_DELAY_MS);
        assertThat(standIn.calls).as("the half-open trial call").hasValue(1);
    }

    private static void awaitHeld(StandIn standIn, int calls) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (standIn.held.get() < calls) {
            assertThat(System.nanoTime()).as(calls + " calls held within 30 s").isLessThan(giveUp);
            sleep(10);
        }
    }

    private static List<Method> publicMethods(Class<?> client) {
        return Arrays.stream(client.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
