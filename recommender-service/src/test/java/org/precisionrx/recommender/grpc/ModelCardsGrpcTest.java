package org.precisionrx.recommender.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.recommender.grpc.RecommendGrpcTest.failure;

import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.recommender.model.ModelRegistry;
import org.precisionrx.recommender.testsupport.Models;
import org.precisionrx.recommender.testsupport.SuiteProcesses;
import org.precisionrx.recommender.v1.GetModelCardsRequest;
import org.precisionrx.recommender.v1.ModelCardDocument;
import org.precisionrx.recommender.v1.ModelCards;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc.RecommenderServiceBlockingStub;

/**
 * GetModelCards against the same real processes as {@link RecommendGrpcTest} (so the two share one
 * application start): the served cards under the ids Recommend names them by.
 */
@QuarkusTest
@WithTestResource(SuiteProcesses.class)
class ModelCardsGrpcTest {

    @GrpcClient("recommender")
    RecommenderServiceBlockingStub recommender;

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    @Inject
    ModelRegistry registry;

    @BeforeEach
    void modelsLoaded() {
        Models.awaitLoaded(registry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"af-stroke-prevention", "acs-pci", "hyperlipidaemia", "depression"})
    void everyIndicationServesBothCardsUnderRecommendsIds(String indication) {
        String patient = Patients.store(profiles, Patients.acsPatient("*1/*1"));
        RecommendResponse recommended = recommender.recommend(RecommendRequest.newBuilder()
                .setPatientId(patient).setIndicationId(indication).build());

        ModelCards cards = cards(indication);

        assertThat(cards.getIndicationId()).isEqualTo(indication);
        assertThat(cards.getModelSetVersion()).isEqualTo(registry.current().orElseThrow().version());
        assertThat(cards.getCardsList()).extracting(ModelCardDocument::getRole).containsExactly("benefit", "adverse-events");
        ModelCardDocument benefit = cards.getCards(0);
        ModelCardDocument adverseEvents = cards.getCards(1);
        assertThat(benefit.getId()).isEqualTo(recommended.getModelCardId());
        ModelCard adverseCard = ModelCard.fromJson(adverseEvents.getJson());
        assertThat(adverseEvents.getId()).isEqualTo(adverseCard.name() + "@" + adverseCard.version())
                .isNotEqualTo(benefit.getId());
        // The JSON is the trained card: it reads back, and it is the card of the model that served.
        assertThat(ModelCard.fromJson(benefit.getJson()).artifactSha256()).isEqualTo(recommended.getModel().getSha256());
        assertThat(ModelCard.fromJson(adverseEvents.getJson()).artifactSha256())
                .isEqualTo(recommended.getAdverseEventModel().getSha256());
    }

    @Test
    void anUnknownOrMissingIndicationIsInvalidArgumentOnIndicationId() {
        for (String indication : List.of("gout", "", "  ")) {
            StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT, () -> cards(indication));
            assertThat(violatedFields(e)).as("'%s'", indication).containsExactly("indication_id");
        }
    }

    private ModelCards cards(String indication) {
        return recommender.getModelCards(GetModelCardsRequest.newBuilder().setIndicationId(indication).build());
    }

    private static List<String> violatedFields(StatusRuntimeException e) {
        return StatusProto.fromThrowable(e).getDetailsList().stream().filter(any -> any.is(BadRequest.class)).flatMap(any -> {
            try {
                return any.unpack(BadRequest.class).getFieldViolationsList().stream();
            } catch (InvalidProtocolBufferException bad) {
                throw new AssertionError(bad);
            }
        }).map(BadRequest.FieldViolation::getField).toList();
    }
}
