package org.precisionrx.dosage.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.testsupport.ProfileServiceProcess;
import org.precisionrx.dosage.v1.CheckDoseRequest;
import org.precisionrx.dosage.v1.DosageServiceGrpc.DosageServiceBlockingStub;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DoseSubject;
import org.precisionrx.dosage.v1.Frequency;
import org.precisionrx.dosage.v1.ProposedOrder;
import org.precisionrx.dosage.v1.RecommendDosesRequest;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.testsupport.GrpcFailures;

/**
 * Hostile requests through a real stub: missing fields, enum numbers the contract does not define
 * (also deep inside an inline profile), impossible amounts and oversized messages are refused with
 * INVALID_ARGUMENT naming the field (RESOURCE_EXHAUSTED for size), never UNKNOWN or INTERNAL.
 */
@QuarkusTest
@WithTestResource(ProfileServiceProcess.class)
class DosageHostileGrpcTest {

    @GrpcClient("dosage")
    DosageServiceBlockingStub dosage;

    private DosageServiceBlockingStub stub() {
        return dosage.withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static DoseSubject inline(PatientProfile profile) {
        return DoseSubject.newBuilder().setProfile(profile).build();
    }

    private static ProposedOrder.Builder order() {
        return ProposedOrder.newBuilder().setDrugId("apixaban").setAmount(5).setUnit("mg").setFrequency(Frequency.FREQUENCY_BID);
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        DoseSubject subject = inline(Profiles.adult(60).build());
        assertInvalid(() -> stub().recommendDose(DoseRequest.newBuilder().setSubject(subject).build()), "drug_id");
        assertInvalid(() -> stub().recommendDose(DoseRequest.newBuilder().setDrugId("apixaban").build()), "subject");
        assertInvalid(() -> stub().checkDose(CheckDoseRequest.newBuilder().setSubject(subject).build()), "order.drug_id");
        assertInvalid(() -> stub().checkDose(CheckDoseRequest.newBuilder().setSubject(subject)
                .setOrder(order().clearFrequency()).build()), "order.frequency");
        assertInvalid(() -> stub().checkDose(CheckDoseRequest.newBuilder().setSubject(subject)
                .setOrder(order().clearUnit()).build()), "order.unit");
        assertInvalid(() -> stub().recommendDoses(RecommendDosesRequest.getDefaultInstance()), "requests");
    }

    @Test
    void impossibleAmountsAreNamed() {
        DoseSubject subject = inline(Profiles.adult(60).build());
        for (double amount : new double[] { Double.NaN, Double.POSITIVE_INFINITY, -5, 0 }) {
            assertInvalid(() -> stub().checkDose(CheckDoseRequest.newBuilder().setSubject(subject)
                    .setOrder(order().setAmount(amount)).build()), "order.amount");
        }
    }

    @Test
    void unknownEnumNumbersAreNamed() {
        DoseSubject subject = inline(Profiles.adult(60).build());
        assertInvalid(() -> stub().checkDose(CheckDoseRequest.newBuilder().setSubject(subject)
                .setOrder(order().setFrequencyValue(999)).build()), "order.frequency");
        PatientProfile.Builder odd = Profiles.adult(60);
        odd.setDemographics(odd.getDemographics().toBuilder().setSexAtBirthValue(999));
        assertInvalid(() -> stub().recommendDose(DoseRequest.newBuilder().setSubject(inline(odd.build()))
                .setDrugId("apixaban").build()), "subject.profile.demographics.sex_at_birth");
    }

    @Test
    void aMessageAboveTheServersLimitIsResourceExhaustedNotUnknown() {
        // quarkus.grpc.server.max-inbound-message-size is 4 MiB.
        PatientProfile.Builder big = Profiles.adult(60);
        big.setPatientId("x".repeat(5 * 1024 * 1024));
        StatusRuntimeException e = GrpcFailures.of(() -> stub().recommendDose(DoseRequest.newBuilder()
                .setSubject(inline(big.build())).setDrugId("apixaban").build()));
        assertThat(GrpcFailures.code(e)).as(e.getStatus().toString()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }

    private static void assertInvalid(Supplier<?> call, String field) {
        StatusRuntimeException e = GrpcFailures.of(call);
        assertThat(GrpcFailures.code(e)).as(e.getStatus().toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcFailures.violatedFields(e)).contains(field);
        assertThat(e.getStatus().getDescription()).contains(field);
    }
}
