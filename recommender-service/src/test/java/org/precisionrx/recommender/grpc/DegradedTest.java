package org.precisionrx.recommender.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionrx.recommender.model.ModelRegistry;
import org.precisionrx.recommender.testsupport.Models;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.recommender.testsupport.ProfileProcess;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc.RecommenderServiceBlockingStub;

/** With dosage-service down, the answer is degraded and says so, not failed. */
@QuarkusTest
@WithTestResource(ProfileProcess.class)
class DegradedTest {

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

    @Test
    void dosageDownGivesADegradedAnswer() {
        String id = Patients.store(profiles, Patients.acsPatient("*1/*1"));
        RecommendResponse response = recommender.recommend(RecommendRequest.newBuilder()
                .setPatientId(id).setIndicationId("acs-pci").build());

        assertThat(response.getDegraded()).isTrue();
        assertThat(response.getWarningsList()).anySatisfy(w -> assertThat(w).contains("dosage-service did not answer"));
        assertThat(response.getOptionsCount()).isEqualTo(3);
        assertThat(response.getOptionsList()).allSatisfy(o -> assertThat(o.hasDose()).isFalse());
    }
}
