package org.precisionrx.recommender.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.Genetics;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.model.ModelRegistry;
import org.precisionrx.recommender.testsupport.Models;
import org.precisionrx.recommender.testsupport.SuiteProcesses;
import org.precisionrx.recommender.v1.GetModelCardsRequest;
import org.precisionrx.recommender.v1.PopulationScore;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc.RecommenderServiceBlockingStub;
import org.precisionrx.recommender.v1.ScorePopulationRequest;
import org.precisionrx.testsupport.GrpcFailures;

/**
 * Hostile requests through a real stub: missing fields, enum numbers the contract does not define
 * (inside an inline profile) and oversized messages are refused with INVALID_ARGUMENT naming the
 * field (RESOURCE_EXHAUSTED for size), never UNKNOWN or INTERNAL.
 */
@QuarkusTest
@WithTestResource(SuiteProcesses.class)
class RecommenderHostileGrpcTest {

    @GrpcClient("recommender")
    RecommenderServiceBlockingStub recommender;

    @Inject
    ModelRegistry registry;

    @BeforeEach
    void modelsLoaded() {
        Models.awaitLoaded(registry);
    }

    private RecommenderServiceBlockingStub stub() {
        return recommender.withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertInvalid(() -> stub().recommend(RecommendRequest.newBuilder().setPatientId(java.util.UUID.randomUUID().toString())
                .build()), "indication_id");
        assertInvalid(() -> stub().recommend(RecommendRequest.newBuilder().setIndicationId("acs-pci").build()), "subject");
        assertInvalid(() -> stub().recommend(RecommendRequest.newBuilder().setIndicationId("acs-pci")
                .setPatientId("1' OR '1'='1").build()), "patient_id");
        assertInvalid(() -> stub().recommend(RecommendRequest.newBuilder().setIndicationId("acs-pci")
                .setPatientId(java.util.UUID.randomUUID().toString()).setMaxOptions(-1).build()), "max_options");
        assertInvalid(() -> stub().recommend(RecommendRequest.newBuilder().setIndicationId("acs-pci")
                .setPatientId(java.util.UUID.randomUUID().toString()).setIncludeExplanations(true).setMaxExplained(-1).build()),
                "max_explained");
        assertInvalid(() -> stub().getModelCards(GetModelCardsRequest.getDefaultInstance()), "indication_id");
        assertInvalid(() -> drain(stub().scorePopulation(ScorePopulationRequest.newBuilder().setIndicationId("acs-pci")
                .addPatientIds(java.util.UUID.randomUUID().toString()).addPatientIds("../etc").build())), "patient_ids[1]");
    }

    @Test
    void unknownEnumNumbersInAnInlineProfileAreNamed() {
        PatientProfile odd = PatientProfile.newBuilder()
                .setDemographics(Demographics.newBuilder().setSexAtBirthValue(999).setAncestryValue(-3))
                .setGenetics(Genetics.newBuilder().addResults(GeneResult.newBuilder().setGene("CYP2C19").setPhenotypeBasisValue(77)))
                .build();
        StatusRuntimeException e = GrpcFailures.of(() -> stub().recommend(RecommendRequest.newBuilder()
                .setIndicationId("acs-pci").setProfile(odd).build()));
        assertThat(GrpcFailures.code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcFailures.violatedFields(e)).containsExactly("profile.demographics.sex_at_birth",
                "profile.demographics.ancestry", "profile.genetics.results[0].phenotype_basis");
    }

    @Test
    void aMessageAboveTheServersLimitIsResourceExhaustedNotUnknown() {
        // quarkus.grpc.server.max-inbound-message-size is 4 MiB.
        StatusRuntimeException e = GrpcFailures.of(() -> stub().recommend(RecommendRequest.newBuilder()
                .setIndicationId("acs-pci").setProfile(PatientProfile.newBuilder().setPatientId("x".repeat(5 * 1024 * 1024)))
                .build()));
        assertThat(GrpcFailures.code(e)).as(e.getStatus().toString()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }

    private static Object drain(Iterator<PopulationScore> scores) {
        scores.forEachRemaining(score -> {
        });
        return "a complete stream";
    }

    private static void assertInvalid(Supplier<?> call, String field) {
        StatusRuntimeException e = GrpcFailures.of(call);
        assertThat(GrpcFailures.code(e)).as(e.getStatus().toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcFailures.violatedFields(e)).contains(field);
        assertThat(e.getStatus().getDescription()).contains(field);
    }
}
