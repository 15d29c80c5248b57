package org.precisionrx.dosage.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.dosage.grpc.DosageGrpcTest.failure;

import java.util.UUID;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.common.v1.Date;
import org.precisionrx.common.v1.Quantity;
import org.precisionrx.dosage.testsupport.ProfileServiceProcess;
import org.precisionrx.dosage.v1.CheckDoseRequest;
import org.precisionrx.dosage.v1.DosageServiceGrpc.DosageServiceBlockingStub;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.dosage.v1.DoseSubject;
import org.precisionrx.dosage.v1.Frequency;
import org.precisionrx.dosage.v1.ProposedOrder;
import org.precisionrx.dosage.v1.Verdict;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.GeneCall;
import org.precisionrx.profile.v1.GeneticsInput;
import org.precisionrx.profile.v1.History;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.LabResult;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.profile.v1.UpsertProfileRequest;

/**
 * The patient-id path across processes: a patient stored in a real patient-profile-service (its
 * packaged jar, on PostgreSQL) is fetched by dosage-service over gRPC.
 */
@QuarkusTest
@WithTestResource(ProfileServiceProcess.class)
class PatientIdPathTest {

    @GrpcClient("dosage")
    DosageServiceBlockingStub dosage;

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    @Test
    void aStoredPatientIsDosedFromTheProfileService() {
        String patientId = profiles.upsertProfile(UpsertProfileRequest.newBuilder()
                .addIdentifiers(ExternalIdentifier.newBuilder().setKind(IdentifierKind.IDENTIFIER_KIND_MRN)
                        .setSystem("urn:test:dosage").setValue("MRN-" + UUID.randomUUID()))
                .setDemographics(Demographics.newBuilder()
                        .setBirthDate(Date.newBuilder().setYear(1950).setMonth(5).setDay(2))
                        .setSexAtBirth(SexAtBirth.SEX_AT_BIRTH_FEMALE).setWeightKg(70).setHeightCm(165))
                .setGenetics(GeneticsInput.newBuilder().addCalls(GeneCall.newBuilder().setGene("CYP2C19").setDiplotype("*2/*2")))
                .setHistory(History.newBuilder().addLabs(LabResult.newBuilder().setLoinc("2160-0")
                        .setQuantity(Quantity.newBuilder().setValue(1.1).setUnit("mg/dL"))))
                .build()).getProfile().getPatientId();

        DoseRecommendation clopidogrel = dosage.recommendDose(DoseRequest.newBuilder()
                .setSubject(DoseSubject.newBuilder().setPatientId(patientId))
                .setDrugId("clopidogrel").setIndicationId("acs-pci").build());
        assertThat(clopidogrel.getStatus()).isEqualTo(DoseStatus.DOSE_STATUS_AVOID);

        var check = dosage.checkDose(CheckDoseRequest.newBuilder()
                .setSubject(DoseSubject.newBuilder().setPatientId(patientId))
                .setOrder(ProposedOrder.newBuilder().setDrugId("sertraline").setAmount(400).setUnit("mg")
                        .setFrequency(Frequency.FREQUENCY_ONCE_DAILY).setIndicationId("depression"))
                .build());
        assertThat(check.getVerdict()).isEqualTo(Verdict.VERDICT_ABOVE_RANGE);
    }

    @Test
    void anUnknownPatientIsNotFound() {
        failure(Status.Code.NOT_FOUND, () -> dosage.recommendDose(DoseRequest.newBuilder()
                .setSubject(DoseSubject.newBuilder().setPatientId(UUID.randomUUID().toString()))
                .setDrugId("clopidogrel").setIndicationId("acs-pci").build()));
    }
}
