package org.precisionrx.recommender.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.recommender.testsupport.Models;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.testsupport.GrpcFailures;

/** Circuit breakers of the clients: open after repeated failures, refuse without calling, close after their delay. See {@link StandInClientsTest}. */
@QuarkusTest
@WithTestResource(StandInDownstreams.class)
class ClientBreakersTest extends StandInClientsTest {

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
}
