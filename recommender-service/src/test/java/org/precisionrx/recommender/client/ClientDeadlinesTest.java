package org.precisionrx.recommender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.recommender.client.StandInDownstreams.DOSAGE_DEADLINE_MS;
import static org.precisionrx.recommender.client.StandInDownstreams.PAGE_DEADLINE_MS;
import static org.precisionrx.recommender.client.StandInDownstreams.PROFILE_DEADLINE_MS;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.testsupport.CallerDeadlines;
import org.precisionrx.testsupport.GrpcFailures;

/** Deadlines of the clients' calls: the configured one, bounded by the caller's; a late call is not started. See {@link StandInClientsTest}. */
@QuarkusTest
@WithTestResource(StandInDownstreams.class)
class ClientDeadlinesTest extends StandInClientsTest {

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
}
