package org.precisionrx.recommender.client;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import org.jboss.logging.Logger;
import org.precisionrx.dosage.v1.DosageServiceGrpc.DosageServiceBlockingStub;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DoseResult;
import org.precisionrx.dosage.v1.DoseSubject;
import org.precisionrx.dosage.v1.RecommendDosesRequest;
import org.precisionrx.grpc.Deadlines;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.config.RecommenderConfig;

/**
 * Asks dosage-service for every candidate's safety status and dose range in one call. A failure
 * is not fatal: the caller answers without doses and flags the answer as degraded.
 */
@ApplicationScoped
public class DosageClient {

    private static final Logger LOG = Logger.getLogger(DosageClient.class);

    private final DosageServiceBlockingStub dosage;
    private final RecommenderConfig config;

    public DosageClient(@GrpcClient("dosage") DosageServiceBlockingStub dosage, RecommenderConfig config) {
        this.dosage = dosage;
        this.config = config;
    }

    /** One result per drug, in order; empty when dosage-service could not answer. */
    public Optional<List<DoseResult>> doses(PatientProfile profile, String indication, List<String> drugs) {
        RecommendDosesRequest.Builder request = RecommendDosesRequest.newBuilder();
        DoseSubject subject = DoseSubject.newBuilder().setProfile(profile).build();
        drugs.forEach(drug -> request.addRequests(DoseRequest.newBuilder()
                .setSubject(subject).setDrugId(drug).setIndicationId(indication)));
        try {
            return Optional.of(dosage.withDeadline(Deadlines.within(config.dosageDeadline()))
                    .recommendDoses(request.build()).getResultsList());
        } catch (StatusRuntimeException e) {
            LOG.warnf("dosage-service did not answer: %s", e.getStatus().getCode());
            return Optional.empty();
        }
    }
}
