package org.precisionrx.recommender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.recommender.client.StandInDownstreams.BREAKER_DELAY_MS;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.precisionrx.dosage.v1.DoseResult;
import org.precisionrx.profile.v1.GetProfilesRequest;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.model.ModelRegistry;
import org.precisionrx.recommender.testsupport.StandInDosage;
import org.precisionrx.recommender.testsupport.StandInProfiles;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc.RecommenderServiceBlockingStub;
import org.precisionrx.testsupport.StandIn;

/**
 * The recommender's two clients with their real fault-tolerance interceptors, against real gRPC
 * servers standing in for patient-profile-service and dosage-service ({@link StandIn}: they count
 * every call that reaches them and the deadline it carries), directly and through {@code Recommend}.
 * One subclass per concern: retries, deadlines, circuit breakers, bulkheads, and what callers of
 * {@code Recommend} and {@code ScorePopulation} see.
 */
@QuarkusTest
@WithTestResource(StandInDownstreams.class)
abstract class StandInClientsTest {

    static final String PATIENT = "0b7c3f1e-5a2d-4c8b-9e6f-2d1a3b4c5e6f";
    static final String INDICATION = "acs-pci";
    static final List<String> DRUGS = List.of("clopidogrel", "prasugrel", "ticagrelor");
    static final String PROFILE_FAILED = "patient-profile-service did not answer (UNAVAILABLE)";
    static final String PROFILE_BREAKER_OPEN = "patient-profile-service is failing; not called while its circuit breaker is open";

    static StandIn profiles;
    static StandIn dosage;
    static boolean connected;

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
        connected = false; // every class starts new stand-ins, so its channels connect again
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
        for (int attempt = 0; !connected && attempt < 100; attempt++) {
            connected = fetched() && doses().isPresent();
            if (!connected) {
                sleep(100);
            }
        }
        assertThat(connected).as("both stand-ins answered once").isTrue();
        profiles.reset();
        dosage.reset();
        breakers.resetAll();
    }

    Optional<List<DoseResult>> doses() {
        return dosageClient.doses(PatientProfile.newBuilder().setPatientId(PATIENT).build(), INDICATION, DRUGS).results();
    }

    boolean fetched() {
        try {
            return profileClient.fetch(PATIENT).getPatientId().equals(PATIENT);
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    static GetProfilesRequest page() {
        return GetProfilesRequest.newBuilder().addPatientIds(PATIENT).build();
    }

    static RecommendResponse recommend(RecommenderServiceBlockingStub stub) {
        return stub.recommend(RecommendRequest.newBuilder().setPatientId(PATIENT).setIndicationId(INDICATION).build());
    }

    /** Ranked without doses, flagged, with a warning that starts with {@code why} dosage-service gave none. */
    static void assertDegraded(RecommendResponse response, String why) {
        assertThat(response.getDegraded()).isTrue();
        assertThat(response.getWarningsList()).anySatisfy(w -> assertThat(w).startsWith(why + ": safety status and dose ranges are missing"));
        assertThat(response.getOptionsList()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.hasDose()).as(o.getDrugId() + " has no dose").isFalse());
    }

    void resetAll() {
        profiles.reset();
        dosage.reset();
        breakers.resetAll();
    }

    /** Retries pause at least the delay less the jitter (50 − 40 ms) between attempts. */
    static void assertPausedBetweenAttempts(StandIn standIn) {
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
    static void awaitClosed(long lastReached, StandIn standIn, Supplier<?> call) {
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

    static void awaitHeld(StandIn standIn, int calls) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (standIn.held.get() < calls) {
            assertThat(System.nanoTime()).as(calls + " calls held within 30 s").isLessThan(giveUp);
            sleep(10);
        }
    }

    static List<Method> publicMethods(Class<?> client) {
        return Arrays.stream(client.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())).toList();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
