package org.precisionrx.recommender.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.RetryWhen;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.precisionrx.grpc.Transient;
import org.precisionrx.testsupport.GrpcFailures;

/** Retries of the clients' reads: only on UNAVAILABLE, with a jittered pause; nothing else is retried. See {@link StandInClientsTest}. */
@QuarkusTest
@WithTestResource(StandInDownstreams.class)
class ClientRetriesTest extends StandInClientsTest {

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
}
