package org.precisionrx.recommender.client;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.faulttolerance.api.RetryWhen;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import org.precisionrx.dosage.v1.DosageServiceGrpc.DosageServiceBlockingStub;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DoseResult;
import org.precisionrx.dosage.v1.DoseSubject;
import org.precisionrx.dosage.v1.RecommendDosesRequest;
import org.precisionrx.grpc.Deadlines;
import org.precisionrx.grpc.DownstreamFailure;
import org.precisionrx.grpc.DownstreamFailures;
import org.precisionrx.grpc.Transient;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.config.RecommenderConfig;

/**
 * Asks dosage-service for every candidate's safety status and dose range in one call, behind a
 * bulkhead and a circuit breaker, retrying this idempotent read with jitter while the service is
 * unreachable. A failure is not fatal: the fallback is "no doses", and the caller answers the
 * ranking without doses, flagged as degraded.
 */
@ApplicationScoped
public class DosageClient {

    static final String SERVICE = "dosage-service";
    private static final Logger LOG = Logger.getLogger(DosageClient.class);

    private final DosageServiceBlockingStub dosage;
    private final RecommenderConfig config;

    public DosageClient(@GrpcClient("dosage") DosageServiceBlockingStub dosage, RecommenderConfig config) {
        this.dosage = dosage;
        this.config = config;
    }

    /** One result per drug, in order; empty when dosage-service could not answer. */
    @Fallback(fallbackMethod = "withoutDoses")
    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamFailure.class)
    @Bulkhead(16)
    public Optional<List<DoseResult>> doses(PatientProfile profile, String indication, List<String> drugs) {
        RecommendDosesRequest.Builder request = RecommendDosesRequest.newBuilder();
        DoseSubject subject = DoseSubject.newBuilder().setProfile(profile).build();
        drugs.forEach(drug -> request.addRequests(DoseRequest.newBuilder()
                .setSubject(subject).setDrugId(drug).setIndicationId(indication)));
        return Optional.of(Deadlines.call(dosage, config.dosageDeadline(), SERVICE, stub -> stub.recommendDoses(request.build()))
                .getResultsList());
    }

    Optional<List<DoseResult>> withoutDoses(PatientProfile profile, String indication, List<String> drugs, Throwable failure) {
        LOG.warnf("dosage-service did not answer, ranking without doses: %s", DownstreamFailures.refused(SERVICE, failure).getMessage());
        return Optional.empty();
    }
}
