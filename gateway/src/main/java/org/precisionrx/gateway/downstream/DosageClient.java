package org.precisionrx.gateway.downstream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.precisionrx.dosage.v1.CheckDoseRequest;
import org.precisionrx.dosage.v1.CheckDoseResponse;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DosageServiceGrpc.DosageServiceBlockingStub;
import org.precisionrx.gateway.access.AccessGrant;

/**
 * dosage-service, called on a user's behalf behind a circuit breaker and a bulkhead. Reads (never writes)
 * are retried with jitter while the service is unreachable.
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamUnavailableException.class)
@Bulkhead(32)
public class DosageClient {

    static final String SERVICE = "DosageService";

    @GrpcClient("dosage")
    DosageServiceBlockingStub stub;

    private final OnBehalfCalls calls;
    private final DownstreamConfig deadlines;

    public DosageClient(OnBehalfCalls calls, DownstreamConfig deadlines) {
        this.calls = calls;
        this.deadlines = deadlines;
    }

    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = RetryableDownstream.class)
    public DoseRecommendation recommend(AccessGrant grant, DoseRequest request) {
        return calls.call(grant, SERVICE, "RecommendDose", stub, deadlines.dosage(), s -> s.recommendDose(request));
    }

    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = RetryableDownstream.class)
    public CheckDoseResponse check(AccessGrant grant, CheckDoseRequest request) {
        return calls.call(grant, SERVICE, "CheckDose", stub, deadlines.dosage(), s -> s.checkDose(request));
    }
}
