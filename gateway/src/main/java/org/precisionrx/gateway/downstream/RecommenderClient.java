package org.precisionrx.gateway.downstream;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.recommender.v1.GetModelCardsRequest;
import org.precisionrx.recommender.v1.ModelCards;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc.RecommenderServiceBlockingStub;

/**
 * recommender-service, called on a user's behalf behind a circuit breaker and a bulkhead. Reads (never writes)
 * are retried with jitter while the service is unreachable.
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamUnavailableException.class)
@Bulkhead(16)
public class RecommenderClient {

    static final String SERVICE = "RecommenderService";

    @GrpcClient("recommender")
    RecommenderServiceBlockingStub stub;

    private final OnBehalfCalls calls;
    private final DownstreamConfig deadlines;

    public RecommenderClient(OnBehalfCalls calls, DownstreamConfig deadlines) {
        this.calls = calls;
        this.deadlines = deadlines;
    }

    /** Model cards hold no patient data: not a call on anyone's behalf, so not audited per call. */
    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = RetryableDownstream.class)
    public ModelCards modelCards(String indicationId) {
        GetModelCardsRequest request = GetModelCardsRequest.newBuilder().setIndicationId(indicationId).build();
        try {
            return stub.withDeadlineAfter(deadlines.recommender().toMillis(), TimeUnit.MILLISECONDS)
                    .getModelCards(request);
        } catch (io.grpc.StatusRuntimeException e) {
            throw OnBehalfCalls.translate(SERVICE, e);
        }
    }

    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = RetryableDownstream.class)
    public RecommendResponse recommend(AccessGrant grant, RecommendRequest request) {
        return calls.call(grant, SERVICE, "Recommend", stub, deadlines.recommender(), s -> s.recommend(request));
    }
}
