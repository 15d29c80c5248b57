package org.precisionrx.recommender.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionrx.recommender.model.ModelRegistry;
import org.precisionrx.recommender.testsupport.Models;
import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.profile.v1.ListPatientsRequest;
import org.precisionrx.profile.v1.ListPatientsResponse;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.recommender.testsupport.SuiteProcesses;
import org.precisionrx.recommender.v1.PopulationScore;
import org.precisionrx.recommender.v1.RankedOption;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc.RecommenderServiceBlockingStub;
import org.precisionrx.recommender.v1.ScorePopulationRequest;

/** Recommend and ScorePopulation against real patient-profile-service and dosage-service processes. */
@QuarkusTest
@WithTestResource(SuiteProcesses.class)
class RecommendGrpcTest {

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
    void optionsAreRankedByPredictedBenefitWithIntervalsDosesAndExplanations() {
        String id = Patients.store(profiles, Patients.acsPatient("*1/*1"));
        RecommendResponse response = recommend(id, "acs-pci");

        assertThat(response.getModelBased()).isTrue();
        assertThat(response.getDegraded()).isFalse();
        assertThat(response.getOptionsList()).extracting(RankedOption::getDrugId)
                .containsExactlyInAnyOrder("clopidogrel", "prasugrel", "ticagrelor");
        assertThat(response.getOptionsList()).extracting(RankedOption::getRank).containsExactly(1, 2, 3);
        List<Double> scores = response.getOptionsList().stream().map(RankedOption::getScore).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(response.getOptionsList()).allSatisfy(option -> {
            assertThat(option.getBenefit().getLower()).isLessThanOrEqualTo(option.getBenefit().getMean());
            assertThat(option.getBenefit().getUpper()).isGreaterThanOrEqualTo(option.getBenefit().getMean());
            assertThat(option.getAdverseEventRisk().getMean()).isBetween(0.0, 1.0);
            assertThat(option.hasDose()).isTrue();
            assertThat(option.getExplanationList()).isNotEmpty();
        });
        assertThat(response.getModel().getSha256()).hasSize(64);
        assertThat(response.getModelCardId()).isNotBlank();
    }

    @Test
    void maxExplainedExplainsOnlyTheFirstRankedOptionsAndChangesNothingElse() {
        String id = Patients.store(profiles, Patients.acsPatient("*1/*1"));
        RecommendRequest request = RecommendRequest.newBuilder().setPatientId(id).setIndicationId("acs-pci")
                .setIncludeExplanations(true).build();
        RecommendResponse every = recommender.recommend(request);
        RecommendResponse first = recommender.recommend(request.toBuilder().setMaxExplained(1).build());

        assertThat(first.getOptionsCount()).isEqualTo(every.getOptionsCount()).isEqualTo(3);
        assertThat(first.getOptions(0).getExplanationList()).isNotEmpty()
                .isEqualTo(every.getOptions(0).getExplanationList());
        assertThat(first.getOptionsList().subList(1, 3)).allSatisfy(o -> assertThat(o.getExplanationList()).isEmpty());
        assertThat(withoutExplanations(first)).isEqualTo(withoutExplanations(every));

        // More than the options returned explains every one; without include_explanations it explains none.
        RecommendResponse two = recommender.recommend(request.toBuilder().setMaxOptions(2).setMaxExplained(5).build());
        assertThat(two.getOptionsList()).hasSize(2).allSatisfy(o -> assertThat(o.getExplanationList()).isNotEmpty());
        RecommendResponse none = recommender.recommend(request.toBuilder().setIncludeExplanations(false).setMaxExplained(1).build());
        assertThat(none.getOptionsList()).allSatisfy(o -> assertThat(o.getExplanationList()).isEmpty());
        assertThat(none).isEqualTo(withoutExplanations(every));
    }

    private static RecommendResponse withoutExplanations(RecommendResponse response) {
        RecommendResponse.Builder builder = response.toBuilder();
        builder.getOptionsBuilderList().forEach(RankedOption.Builder::clearExplanation);
        return builder.build();
    }

    @Test
    void unsafeOptionsGoToTheBottomWithTheirReasonNeverHidden() {
        String id = Patients.store(profiles, Patients.acsPatient("*2/*2"));
        RecommendResponse response = recommend(id, "acs-pci");

        RankedOption last = response.getOptions(response.getOptionsCount() - 1);
        assertThat(last.getDrugId()).isEqualTo("clopidogrel");
        assertThat(last.getSafetyStatus()).isEqualTo(DoseStatus.DOSE_STATUS_AVOID);
        assertThat(last.getSafetyReason()).containsIgnoringCase("CYP2C19");
        assertThat(last.getCitationsList()).isNotEmpty();
    }

    @Test
    void optOutGivesGuidelineOrderAndSaysSo() {
        String id = Patients.store(profiles, Patients.optedOut(Patients.acsPatient("*2/*2")));
        RecommendResponse response = recommend(id, "acs-pci");

        assertThat(response.getModelBased()).isFalse();
        assertThat(response.getWarningsList()).anySatisfy(w -> assertThat(w).contains("opted out"));
        assertThat(response.getOptionsList()).allSatisfy(o -> assertThat(o.hasBenefit()).isFalse());
        assertThat(response.getOptionsList()).extracting(RankedOption::getDrugId).last().isEqualTo("clopidogrel");
    }

    @Test
    void anIncompleteProfileIsAnsweredWithWarnings() {
        var patient = Patients.acsPatient("*1/*1");
        patient.getGeneticsBuilder().clearCalls();
        String id = Patients.store(profiles, patient);
        RecommendResponse response = recommend(id, "acs-pci");

        assertThat(response.getOptionsCount()).isEqualTo(3);
        assertThat(response.getWarningsList()).anySatisfy(w -> assertThat(w).contains("CYP2C19 phenotype"));
    }

    @Test
    void badRequestsAndUnknownPatients() {
        assertThat(failure(Status.Code.NOT_FOUND, () -> recommend(UUID.randomUUID().toString(), "acs-pci"))).isNotNull();
        failure(Status.Code.INVALID_ARGUMENT, () -> recommend("not-an-id", "acs-pci"));
        failure(Status.Code.INVALID_ARGUMENT, () -> recommend(UUID.randomUUID().toString(), "gout"));
        failure(Status.Code.INVALID_ARGUMENT, () -> recommender.recommend(RecommendRequest.newBuilder()
                .setPatientId(UUID.randomUUID().toString()).setIndicationId("acs-pci").addCandidateDrugIds("aspirin").build()));
        failure(Status.Code.INVALID_ARGUMENT, () -> recommender.recommend(RecommendRequest.newBuilder()
                .setProfile(org.precisionrx.profile.v1.PatientProfile.newBuilder().setDerived(
                        org.precisionrx.profile.v1.DerivedValues.newBuilder().setBmi(Double.POSITIVE_INFINITY)))
                .setIndicationId("acs-pci").build()));
    }

    @Test
    void populationScoringStreamsEveryPatient() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Patients.store(profiles, Patients.acsPatient(i % 2 == 0 ? "*1/*1" : "*1/*2")));
        }
        ids.add(UUID.randomUUID().toString());
        Iterator<PopulationScore> stream = recommender.scorePopulation(ScorePopulationRequest.newBuilder()
                .setIndicationId("acs-pci").addAllPatientIds(ids).setBatchSize(2).build());
        List<PopulationScore> scores = new ArrayList<>();
        stream.forEachRemaining(scores::add);

        assertThat(scores).hasSize(6);
        assertThat(scores.stream().filter(s -> !s.hasError())).hasSize(5)
                .allSatisfy(s -> assertThat(s.getScoresCount()).isEqualTo(3));
        assertThat(scores.stream().filter(PopulationScore::hasError).findFirst().orElseThrow().getError().getCode())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void populationScoringKeepsTheListedOrderAndExplainsWhoIsNotScored() {
        String scored = Patients.store(profiles, Patients.acsPatient("*1/*2"));
        String optedOut = Patients.store(profiles, Patients.optedOut(Patients.acsPatient("*1/*1")));
        String unknown = UUID.randomUUID().toString();

        List<PopulationScore> scores = scorePopulation(ScorePopulationRequest.newBuilder()
                .setIndicationId("acs-pci").addPatientIds(optedOut).addPatientIds(scored).addPatientIds(unknown)
                .addPatientIds(scored).build());

        assertThat(scores).extracting(PopulationScore::getPatientId).containsExactly(optedOut, scored, unknown, scored);
        assertThat(scores.get(0).getError().getCode()).isEqualTo("FAILED_PRECONDITION");
        assertThat(scores.get(1).getScoresCount()).isEqualTo(3);
        assertThat(scores.get(2).getError().getCode()).isEqualTo("NOT_FOUND");
        assertThat(scores.get(3)).isEqualTo(scores.get(1));
    }

    @Test
    void populationScoringWithoutIdsCoversEveryStoredPatientInListOrder() {
        String optedOut = Patients.store(profiles, Patients.optedOut(Patients.acsPatient("*1/*1")));
        Patients.store(profiles, Patients.acsPatient("*1/*2"));
        List<String> stored = new ArrayList<>();
        String token = "";
        do {
            ListPatientsResponse page = profiles.listPatients(ListPatientsRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(500).setPageToken(token)).build());
            page.getPatientsList().forEach(p -> stored.add(p.getPatientId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        List<PopulationScore> scores = scorePopulation(ScorePopulationRequest.newBuilder()
                .setIndicationId("acs-pci").setBatchSize(3).build());

        assertThat(scores).extracting(PopulationScore::getPatientId).containsExactlyElementsOf(stored);
        assertThat(scores).filteredOn(s -> s.getPatientId().equals(optedOut)).singleElement()
                .satisfies(s -> assertThat(s.getError().getCode()).isEqualTo("FAILED_PRECONDITION"));
        assertThat(scores).filteredOn(s -> !s.hasError()).hasSize(stored.size() - 1)
                .allSatisfy(s -> assertThat(s.getScoresCount()).isEqualTo(3));
    }

    private List<PopulationScore> scorePopulation(ScorePopulationRequest request) {
        List<PopulationScore> scores = new ArrayList<>();
        recommender.scorePopulation(request).forEachRemaining(scores::add);
        return scores;
    }

    private RecommendResponse recommend(String patientId, String indication) {
        return recommender.recommend(RecommendRequest.newBuilder().setPatientId(patientId).setIndicationId(indication)
                .setIncludeExplanations(true).build());
    }

    static StatusRuntimeException failure(Status.Code code, Runnable call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.getStatus().getCode()).as(e.getStatus().getDescription()).isEqualTo(code);
        return e;
    }
}
