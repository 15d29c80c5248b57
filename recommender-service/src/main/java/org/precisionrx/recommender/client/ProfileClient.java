package org.precisionrx.recommender.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.grpc.Deadlines;
import org.precisionrx.grpc.DownstreamFailure;
import org.precisionrx.grpc.DownstreamFailures;
import org.precisionrx.grpc.Transient;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.ListPatientsRequest;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.recommender.config.RecommenderConfig;

/**
 * Fetches profiles from patient-profile-service: a deadline bounded by the caller's, a bulkhead, a
 * circuit breaker and jittered retries of these idempotent reads while the service is unreachable.
 * No profile means no ranking, so the fallback is a fast UNAVAILABLE naming the service.
 */
@ApplicationScoped
public class ProfileClient {

    static final String SERVICE = "patient-profile-service";

    private final PatientProfileServiceBlockingStub profiles;
    private final RecommenderConfig config;

    public ProfileClient(@GrpcClient("profile") PatientProfileServiceBlockingStub profiles, RecommenderConfig config) {
        this.profiles = profiles;
        this.config = config;
    }

    /** One page of stored patient ids; the second element is the next page token (empty on the last page). */
    @Fallback(fallbackMethod = "refusedPage", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamFailure.class)
    @Bulkhead(8)
    public java.util.Map.Entry<java.util.List<String>, String> page(String token, int size) {
        try {
            var page = Deadlines.bounded(profiles, config.profileDeadline(), SERVICE)
                    .listPatients(ListPatientsRequest.newBuilder()
                            .setPage(PageRequest.newBuilder().setPageSize(size).setPageToken(token)).build());
            return java.util.Map.entry(page.getPatientsList().stream().map(p -> p.getPatientId()).toList(), page.getNextPageToken());
        } catch (StatusRuntimeException e) {
            throw DownstreamFailures.of(SERVICE, e);
        }
    }

    /**
     * @throws StatusRuntimeException NOT_FOUND for an unknown patient; UNAVAILABLE naming the service when it
     *         cannot answer or its breaker is open; RESOURCE_EXHAUSTED when too many calls are in flight
     */
    @Fallback(fallbackMethod = "refusedFetch", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamFailure.class)
    @Bulkhead(32)
    public PatientProfile fetch(String patientId) {
        try {
            return Deadlines.bounded(profiles, config.profileDeadline(), SERVICE)
                    .getProfile(GetProfileRequest.newBuilder().setPatient(PatientKey.newBuilder().setPatientId(patientId)).build());
        } catch (StatusRuntimeException e) {
            throw DownstreamFailures.of(SERVICE, e);
        }
    }

    java.util.Map.Entry<java.util.List<String>, String> refusedPage(String token, int size, RuntimeException refusal) {
        throw DownstreamFailures.refused(SERVICE, refusal);
    }

    PatientProfile refusedFetch(String patientId, RuntimeException refusal) {
        throw DownstreamFailures.refused(SERVICE, refusal);
    }
}
