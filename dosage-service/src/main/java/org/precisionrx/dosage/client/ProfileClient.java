package org.precisionrx.dosage.client;

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
import org.precisionrx.dosage.config.DosageConfig;
import org.precisionrx.grpc.Deadlines;
import org.precisionrx.grpc.DownstreamFailure;
import org.precisionrx.grpc.DownstreamFailures;
import org.precisionrx.grpc.Transient;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;

/**
 * Fetches profiles from patient-profile-service: a deadline bounded by the caller's, a bulkhead, a
 * circuit breaker and jittered retries of this idempotent read when the service was unreachable.
 * There is no useful dose without the profile, so the fallback is a fast UNAVAILABLE naming the service.
 */
@ApplicationScoped
public class ProfileClient {

    static final String SERVICE = "patient-profile-service";

    private final PatientProfileServiceBlockingStub profiles;
    private final DosageConfig config;

    public ProfileClient(@GrpcClient("profile") PatientProfileServiceBlockingStub profiles, DosageConfig config) {
        this.profiles = profiles;
        this.config = config;
    }

    /**
     * @throws StatusRuntimeException NOT_FOUND or INVALID_ARGUMENT from the profile service; UNAVAILABLE
     *         naming the service when it cannot answer or its breaker is open; RESOURCE_EXHAUSTED when
     *         too many profile calls are in flight; DEADLINE_EXCEEDED, without calling, when the caller's
     *         deadline is (nearly) spent
     */
    @Fallback(fallbackMethod = "refused", applyOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamFailure.class)
    @Bulkhead(32)
    public PatientProfile fetch(String patientId) {
        return Deadlines.call(profiles, config.profileDeadline(), SERVICE, stub -> stub.getProfile(GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setPatientId(patientId)).build()));
    }

    PatientProfile refused(String patientId, RuntimeException refusal) {
        throw DownstreamFailures.refused(SERVICE, refusal);
    }
}
