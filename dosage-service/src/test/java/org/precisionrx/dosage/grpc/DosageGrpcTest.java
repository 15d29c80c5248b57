package org.precisionrx.dosage.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.testsupport.ProfileServiceProcess;
import org.precisionrx.dosage.v1.CheckDoseRequest;
import org.precisionrx.dosage.v1.CheckDoseResponse;
import org.precisionrx.dosage.v1.DosageServiceGrpc.DosageServiceBlockingStub;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.dosage.v1.DoseSubject;
import org.precisionrx.dosage.v1.Frequency;
import org.precisionrx.dosage.v1.KnowledgeBaseInfoRequest;
import org.precisionrx.dosage.v1.ProposedOrder;
import org.precisionrx.dosage.v1.RecommendDosesRequest;
import org.precisionrx.dosage.v1.RecommendDosesResponse;
import org.precisionrx.dosage.v1.Verdict;
import org.precisionrx.profile.v1.PatientProfile;

/** Every RPC through a real gRPC stub; inline profiles here, stored patients in {@link PatientIdPathTest}. */
@QuarkusTest
@WithTestResource(ProfileServiceProcess.class)
class DosageGrpcTest {

    @GrpcClient("dosage")
    DosageServiceBlockingStub dosage;

    @Test
    void pharmacogenomicAvoidWithAlternatives() {
        DoseRecommendation rec = recommend(Profiles.withGene(Profiles.adult(64), "CYP2C19", "Poor Metabolizer").build(),
                "clopidogrel", "acs-pci");
        assertThat(rec.getStatus()).isEqualTo(DoseStatus.DOSE_STATUS_AVOID);
        assertThat(rec.getAlternativesList()).contains("prasugrel", "ticagrelor");
        assertThat(rec.getAdjustmentsList()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getSource().getPmid()).isNotEmpty();
            assertThat(a.getSource().hasReviewDate()).isTrue();
        });
        assertThat(rec.hasDailyRange()).isFalse();
        assertThat(rec.getKnowledgeBaseVersion()).isNotEmpty();
    }

    @Test
    void warfarinShowsTheModelRangeAndTheIwpcFormula() {
        PatientProfile.Builder profile = Profiles.withGene(Profiles.adult(67), "VKORC1", "-1639 AG");
        profile.setGenetics(profile.getGenetics().toBuilder().addResults(org.precisionrx.profile.v1.GeneResult.newBuilder()
                .setGene("CYP2C9").setDiplotype("*1/*3").setPhenotype("Intermediate Metabolizer")));
        DoseRecommendation rec = recommend(profile.build(), "warfarin", "af-stroke-prevention");

        assertThat(rec.getStatus()).isEqualTo(DoseStatus.DOSE_STATUS_ADJUSTED);
        assertThat(rec.getEstimatesList()).extracting(e -> e.getMethod())
                .containsExactlyInAnyOrder("warfarin dose model", "IWPC pharmacogenetic formula");
        var model = rec.getEstimatesList().stream().filter(e -> e.getDrivesRange()).findFirst().orElseThrow();
        assertThat(model.getMethod()).isEqualTo("warfarin dose model");
        assertThat(rec.getDailyRange().getLow()).isEqualTo(round(model.getP10()));
        assertThat(rec.getDailyRange().getTarget()).isEqualTo(round(model.getP50()));
        assertThat(rec.getDailyRange().getHigh()).isEqualTo(round(model.getP90()));
        assertThat(model.getP10()).isLessThan(model.getP50()).isPositive();
        assertThat(model.getP90()).isGreaterThan(model.getP50()).isLessThan(15);
        assertThat(rec.getModel().getSha256()).hasSize(64);
        assertThat(rec.getWarningsList()).anySatisfy(w -> assertThat(w).containsIgnoringCase("drives"));
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    @Test
    void missingRenalFunctionIsInsufficientDataNamingIt() {
        DoseRecommendation rec = recommend(Profiles.withoutRenal(Profiles.adult(70)).build(), "dabigatran", "af-stroke-prevention");
        assertThat(rec.getStatus()).isEqualTo(DoseStatus.DOSE_STATUS_INSUFFICIENT_DATA);
        assertThat(rec.getGapsList()).anySatisfy(gap -> {
            assertThat(gap.getField()).isEqualTo("crclMlMin");
            assertThat(gap.getReason()).contains("serum creatinine");
        });
    }

    @Test
    void childrenAreOutOfScope() {
        DoseRecommendation rec = recommend(Profiles.adult(12).build(), "sertraline", "depression");
        assertThat(rec.getStatus()).isEqualTo(DoseStatus.DOSE_STATUS_OUT_OF_SCOPE);
        assertThat(rec.hasDailyRange()).isFalse();
    }

    @Test
    void pharmacistChecksWithinAboveAndContraindicated() {
        CheckDoseResponse within = check(Profiles.adult(60).build(), "clopidogrel", 75, "mg", Frequency.FREQUENCY_ONCE_DAILY);
        assertThat(within.getVerdict()).isEqualTo(Verdict.VERDICT_WITHIN_RANGE);
        assertThat(within.getComputedDailyDose().getValue()).isEqualTo(75.0);

        CheckDoseResponse above = check(Profiles.adult(60).build(), "clopidogrel", 150, "mg", Frequency.FREQUENCY_BID);
        assertThat(above.getVerdict()).isEqualTo(Verdict.VERDICT_ABOVE_RANGE);
        assertThat(above.getComputedDailyDose().getValue()).isEqualTo(300.0);
        assertThat(above.getReasons(0)).contains("300 mg per day").contains("above");

        CheckDoseResponse grams = check(Profiles.adult(60).build(), "clopidogrel", 0.075, "g", Frequency.FREQUENCY_ONCE_DAILY);
        assertThat(grams.getVerdict()).isEqualTo(Verdict.VERDICT_WITHIN_RANGE);

        CheckDoseResponse contraindicated = check(Profiles.withHla(Profiles.adult(40), "HLA-B*57:01", true).build(),
                "abacavir", 600, "mg", Frequency.FREQUENCY_ONCE_DAILY);
        assertThat(contraindicated.getVerdict()).isEqualTo(Verdict.VERDICT_CONTRAINDICATED);
        assertThat(contraindicated.getReasonsList()).anySatisfy(r -> assertThat(r).contains("HLA-B*57:01"));
    }

    @Test
    void badInputGetsPreciseErrors() {
        StatusRuntimeException unknown = failure(Status.Code.NOT_FOUND,
                () -> recommend(Profiles.adult(60).build(), "clopidogrell", "acs-pci"));
        assertThat(unknown.getStatus().getDescription()).contains("clopidogrel");

        assertThat(violations(failure(Status.Code.INVALID_ARGUMENT,
                () -> check(Profiles.adult(60).build(), "clopidogrel", 75, "mL", Frequency.FREQUENCY_ONCE_DAILY))))
                .containsExactly("order.unit");
        assertThat(violations(failure(Status.Code.INVALID_ARGUMENT,
                () -> check(Profiles.adult(60).build(), "clopidogrel", -5, "mg", Frequency.FREQUENCY_ONCE_DAILY))))
                .containsExactly("order.amount");
        assertThat(violations(failure(Status.Code.INVALID_ARGUMENT,
                () -> check(Profiles.adult(60).build(), "clopidogrel", 75, "mg", Frequency.FREQUENCY_UNSPECIFIED))))
                .containsExactly("order.frequency");
        assertThat(violations(failure(Status.Code.INVALID_ARGUMENT,
                () -> dosage.recommendDose(DoseRequest.newBuilder().setDrugId("clopidogrel").build()))))
                .containsExactly("subject");
        assertThat(violations(failure(Status.Code.INVALID_ARGUMENT, () -> dosage.recommendDose(DoseRequest.newBuilder()
                .setSubject(DoseSubject.newBuilder().setPatientId("x' OR 1=1")).setDrugId("clopidogrel").build()))))
                .containsExactly("subject.patient_id");
        failure(Status.Code.INVALID_ARGUMENT, () -> recommend(Profiles.adult(60).build(), "clopidogrel", "gout"));
        PatientProfile nan = Profiles.adult(60).setDerived(Profiles.adult(60).getDerived().toBuilder()
                .setCreatinineClearanceMlMin(Double.NaN)).build();
        assertThat(violations(failure(Status.Code.INVALID_ARGUMENT, () -> recommend(nan, "dabigatran", "af-stroke-prevention"))))
                .containsExactly("subject.profile.derived.creatinine_clearance_ml_min");
    }

    @Test
    void batchAnswersEachItemOnItsOwn() {
        PatientProfile profile = Profiles.adult(66).build();
        List<String> drugs = List.of("warfarin", "apixaban", "clopidogrel", "atorvastatin", "sertraline", "tramadol",
                "azathioprine", "capecitabine", "allopurinol", "nosuchdrug");
        RecommendDosesRequest.Builder batch = RecommendDosesRequest.newBuilder();
        drugs.forEach(d -> batch.addRequests(DoseRequest.newBuilder()
                .setSubject(DoseSubject.newBuilder().setProfile(profile)).setDrugId(d)));
        RecommendDosesResponse response = dosage.recommendDoses(batch.build());

        assertThat(response.getResultsCount()).isEqualTo(drugs.size());
        assertThat(response.getResults(9).getError().getCode()).isEqualTo("NOT_FOUND");
        assertThat(response.getResultsList().subList(0, 9)).allSatisfy(r -> assertThat(r.hasRecommendation()).isTrue());
        assertThat(response.getKnowledgeBaseVersion())
                .isEqualTo(dosage.getKnowledgeBaseInfo(KnowledgeBaseInfoRequest.getDefaultInstance()).getVersion());
    }

    private DoseRecommendation recommend(PatientProfile profile, String drug, String indication) {
        return dosage.withDeadlineAfter(10, TimeUnit.SECONDS).recommendDose(DoseRequest.newBuilder()
                .setSubject(DoseSubject.newBuilder().setProfile(profile)).setDrugId(drug).setIndicationId(indication).build());
    }

    private CheckDoseResponse check(PatientProfile profile, String drug, double amount, String unit, Frequency frequency) {
        return dosage.withDeadlineAfter(10, TimeUnit.SECONDS).checkDose(CheckDoseRequest.newBuilder()
                .setSubject(DoseSubject.newBuilder().setProfile(profile))
                .setOrder(ProposedOrder.newBuilder().setDrugId(drug).setAmount(amount).setUnit(unit).setFrequency(frequency))
                .build());
    }

    static StatusRuntimeException failure(Status.Code code, Runnable call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.getStatus().getCode()).as(e.getStatus().getDescription()).isEqualTo(code);
        return e;
    }

    static List<String> violations(StatusRuntimeException e) {
        return StatusProto.fromThrowable(e).getDetailsList().stream().filter(a -> a.is(BadRequest.class)).flatMap(a -> {
            try {
                return a.unpack(BadRequest.class).getFieldViolationsList().stream();
            } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                throw new IllegalStateException(ex);
            }
        }).map(BadRequest.FieldViolation::getField).toList();
    }
}
