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
import org.precisionrx.grpc.Deadlines;
import org.precisionrx.grpc.DownstreamFailure;
import org.precisionrx.grpc.DownstreamFailures;
import org.precisionrx.grpc.Transient;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.GetProfilesRequest;
import org.precisionrx.profile.v1.GetProfilesResponse;
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

    /**
     * @throws StatusRuntimeException NOT_FOUND for an unknown patient; UNAVAILABLE naming the service when it
     *         cannot answer or its breaker is open; RESOURCE_EXHAUSTED when too many calls are in flight;
     *         DEADLINE_EXCEEDED, without calling, when the caller's deadline is (nearly) spent
     */
    @Fallback(fallbackMethod = "refusedFetch", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamFailure.class)
    @Bulkhead(32)
    public PatientProfile fetch(String patientId) {
        return Deadlines.call(profiles, config.profileDeadline(), SERVICE, stub -> stub.getProfile(GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setPatientId(patientId)).build()));
    }

    /**
     * Many assembled profiles in one call: the listed ids, or one page of all stored patients. A page
     * is larger work than one profile, so it has its own deadline.
     * @throws StatusRuntimeException UNAVAILABLE naming the service when it cannot answer or its breaker
     *         is open; RESOURCE_EXHAUSTED when too many calls are in flight; DEADLINE_EXCEEDED, without
     *         calling, when the caller's deadline is (nearly) spent
     */
    @Fallback(fallbackMethod = "refusedPage", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 10000)
    @RetryWhen(exception = Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamFailure.class)
    @Bulkhead(8)
    public GetProfilesResponse fetchMany(GetProfilesRequest request) {
        return Deadlines.call(profiles, config.profilePageDeadline(), SERVICE, stub -> stub.getProfiles(request));
    }

    GetProfilesResponse refusedPage(GetProfilesRequest request, RuntimeException refusal) {
        throw DownstreamFailures.refused(SERVICE, refusal);
    }

    PatientProfile refusedFetch(String patientId, RuntimeException refusal) {
        throw DownstreamFailures.refused(SERVICE, refusal);
    }
}
