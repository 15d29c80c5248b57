package org.precisionrx.recommender.client;

import java.util.List;

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
 * unreachable. A failure is not fatal: the fallback is "no doses" and why, and the caller answers the
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

    /** One result per drug, in order; none, with the reason, when dosage-service refused the request or could not answer. */
    @Fallback(fallbackMethod = "withoutDoses")
    @Retry(maxRetries = 2, delay = 50, jitter = 40, maxDuration = 2000)
    @RetryWhen(exception = Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = DownstreamFailure.class)
    @Bulkhead(16)
    public Doses doses(PatientProfile profile, String indication, List<String> drugs) {
        RecommendDosesRequest.Builder request = RecommendDosesRequest.newBuilder();
        DoseSubject subject = DoseSubject.newBuilder().setProfile(profile).build();
        drugs.forEach(drug -> request.addRequests(DoseRequest.newBuilder()
                .setSubject(subject).setDrugId(drug).setIndicationId(indication)));
        return Doses.of(Deadlines.call(dosage, config.dosageDeadline(), SERVICE, stub -> stub.recommendDoses(request.build()))
                .getResultsList());
    }

    Doses withoutDoses(PatientProfile profile, String indication, List<String> drugs, Throwable failure) {
        String why = DownstreamFailures.describe(SERVICE, failure);
        LOG.warnf("%s; ranking without doses", why);
        return Doses.none(why);
    }
}
