package org.precisionrx.recommender.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.jboss.logging.Logger;
import org.precisionrx.grpc.Statuses;
import org.precisionrx.grpc.Unary;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.client.ProfileClient;
import org.precisionrx.recommender.model.IndicationModels;
import org.precisionrx.recommender.model.ModelBusyException;
import org.precisionrx.recommender.model.ModelClosedException;
import org.precisionrx.recommender.model.ModelRegistry;
import org.precisionrx.recommender.model.ModelSet;
import org.precisionrx.recommender.ranking.PopulationScorer;
import org.precisionrx.recommender.ranking.Ranker;
import org.precisionrx.recommender.v1.GetModelCardsRequest;
import org.precisionrx.recommender.v1.ModelCards;
import org.precisionrx.recommender.v1.PopulationScore;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc;
import org.precisionrx.recommender.v1.ScorePopulationRequest;

/** The gRPC edge: checks request shape, resolves patient and models, delegates to the ranker. */
@GrpcService
@Blocking
public class RecommenderGrpcService extends RecommenderServiceGrpc.RecommenderServiceImplBase {

    private static final Logger LOG = Logger.getLogger(RecommenderGrpcService.class);

    private final ModelRegistry registry;
    private final ProfileClient profiles;
    private final Ranker ranker;
    private final PopulationScorer population;

    public RecommenderGrpcService(ModelRegistry registry, ProfileClient profiles, Ranker ranker, PopulationScorer population) {
        this.registry = registry;
        this.profiles = profiles;
        this.ranker = ranker;
        this.population = population;
    }

    @Override
    public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> response) {
        Unary.respond(response, () -> {
            IndicationModels models = models(request.getIndicationId());
            List<String> candidates = candidates(request.getCandidateDrugIdsList(), models);
            if (request.getMaxOptions() < 0) {
                throw Statuses.invalidArgument("max_options", "must be 0 (all) or more");
            }
            if (request.getMaxExplained() < 0) {
                throw Statuses.invalidArgument("max_explained", "must be 0 (every returned option) or more");
            }
            PatientProfile profile = switch (request.getSubjectCase()) {
                case PATIENT_ID -> profiles.fetch(patientId(request.getPatientId(), "patient_id"));
                case PROFILE -> InlineProfiles.checked(request.getProfile());
                case SUBJECT_NOT_SET -> throw Statuses.invalidArgument("subject", "a patient id or an inline profile is required");
            };
            return ranker.rank(profile, models, candidates, request.getMaxOptions(), request.getIncludeExplanations(),
                    request.getMaxExplained());
        }, RecommenderGrpcService::toStatus);
    }

    @Override
    public void scorePopulation(ScorePopulationRequest request, StreamObserver<PopulationScore> response) {
        IndicationModels models;
        try {
            models = models(request.getIndicationId());
            for (int i = 0; i < request.getPatientIdsCount(); i++) {
                patientId(request.getPatientIds(i), "patient_ids[" + i + "]");
            }
            if (request.getBatchSize() < 0) {
                throw Statuses.invalidArgument("batch_size", "must be 0 (server default) or more");
            }
        } catch (RuntimeException e) {
            response.onError(toStatus(e));
            return;
        }
        try {
            population.score(models, request.getPatientIdsList(), request.getBatchSize(), response::onNext);
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(toStatus(e));
        }
    }

    @Override
    public void getModelCards(GetModelCardsRequest request, StreamObserver<ModelCards> response) {
        Unary.respond(response, () -> {
            // One read of the registry, so the version and the cards come from the same set.
            ModelSet set = served();
            return CardDocuments.of(set, models(set, request.getIndicationId()));
        }, RecommenderGrpcService::toStatus);
    }

    private IndicationModels models(String indication) {
        return models(served(), indication);
    }

    private ModelSet served() {
        return registry.current().orElseThrow(() ->
                Status.UNAVAILABLE.withDescription("ranking models are still loading").asRuntimeException());
    }

    private static IndicationModels models(ModelSet set, String indication) {
        if (indication.isBlank()) {
            throw Statuses.invalidArgument("indication_id", "an indication is required; ranked: " + set.indications());
        }
        return set.forIndication(indication).orElseThrow(() -> Statuses.invalidArgument("indication_id",
                "indication '" + indication + "' is not ranked; ranked: " + set.indications()));
    }

    private static List<String> candidates(List<String> requested, IndicationModels models) {
        if (requested.isEmpty()) {
            return models.arms();
        }
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String drug = requested.get(i).strip();
            if (!models.arms().contains(drug)) {
                throw Statuses.invalidArgument("candidate_drug_ids[" + i + "]",
                        "'" + drug + "' is not an option for " + models.indication() + "; options: " + models.arms());
            }
            if (!candidates.contains(drug)) {
                candidates.add(drug);
            }
        }
        return candidates;
    }

    private static String patientId(String value, String field) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw Statuses.invalidArgument(field, "not a patient id");
        }
    }

    private static StatusRuntimeException toStatus(RuntimeException failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof ModelBusyException busy) {
            return Statuses.of(com.google.rpc.Code.RESOURCE_EXHAUSTED, busy.getMessage());
        }
        if (failure instanceof ModelClosedException closed) {
            return Statuses.of(com.google.rpc.Code.UNAVAILABLE, closed.getMessage());
        }
        // Messages of unexpected failures can quote patient values, so the details stay at DEBUG.
        LOG.errorf("unexpected failure: %s", failure.getClass().getName());
        LOG.debug("unexpected failure", failure);
        return Statuses.of(com.google.rpc.Code.INTERNAL, "internal error");
    }
}
