package org.precisionrx.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.profile.grpc.GrpcTestSupport.failure;
import static org.precisionrx.profile.grpc.GrpcTestSupport.violatedFields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.common.v1.Coding;
import org.precisionrx.common.v1.Date;
import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.common.v1.Quantity;
import org.precisionrx.profile.testsupport.PostgresTestDatabase;
import org.precisionrx.profile.v1.Ancestry;
import org.precisionrx.profile.v1.CarrierStatus;
import org.precisionrx.profile.v1.Condition;
import org.precisionrx.profile.v1.Consent;
import org.precisionrx.profile.v1.DeletePatientRequest;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.GeneCall;
import org.precisionrx.profile.v1.GeneticsInput;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.HlaResult;
import org.precisionrx.profile.v1.History;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.ImportOutcome;
import org.precisionrx.profile.v1.LabResult;
import org.precisionrx.profile.v1.ListPatientsRequest;
import org.precisionrx.profile.v1.ListPatientsResponse;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.profile.v1.PatientSummary;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.profile.v1.UpsertProfileRequest;
import org.precisionrx.profile.v1.UpsertProfileResponse;

/** Structured upserts, versions, listing and deletion through a real gRPC stub and PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class UpsertProfileGrpcTest {

    private static final String MRN_SYSTEM = "urn:test:upsert";

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    @Test
    void upsertCreatesThenIsIdempotentThenUpdatesWithVersionCheck() {
        String mrn = uniqueMrn();
        UpsertProfileRequest create = fullProfile(mrn).build();

        UpsertProfileResponse created = profiles.upsertProfile(create);
        assertThat(created.getOutcome()).isEqualTo(ImportOutcome.IMPORT_OUTCOME_CREATED);
        PatientProfile profile = created.getProfile();
        assertThat(profile.getGenetics().getResultsList()).singleElement().satisfies(g -> {
            assertThat(g.getDiplotype()).isEqualTo("*1/*17");
            assertThat(g.getPhenotype()).isEqualTo("Rapid Metabolizer");
        });
        assertThat(profile.getGenetics().getHlaList()).singleElement()
                .satisfies(h -> assertThat(h.getStatus()).isEqualTo(CarrierStatus.CARRIER_STATUS_POSITIVE));
        assertThat(profile.getConsent().getModelRecommendationsOptOut()).isTrue();
        // CKD-EPI 2021 from creatinine, no measured eGFR: a female of known age.
        assertThat(profile.getDerived().hasEgfrMlMin173M2()).isTrue();

        UpsertProfileResponse same = profiles.upsertProfile(create);
        assertThat(same.getOutcome()).isEqualTo(ImportOutcome.IMPORT_OUTCOME_UNCHANGED);
        assertThat(same.getProfile().getVersion()).isEqualTo(profile.getVersion());

        UpsertProfileRequest heavier = UpsertProfileRequest.newBuilder()
                .setPatientId(profile.getPatientId())
                .setExpectedVersion(profile.getVersion())
                .setDemographics(profile.getDemographics().toBuilder().setWeightKg(71.0).clearWeightObservedAt())
                .build();
        UpsertProfileResponse updated = profiles.upsertProfile(heavier);
        assertThat(updated.getOutcome()).isEqualTo(ImportOutcome.IMPORT_OUTCOME_UPDATED);
        assertThat(updated.getProfile().getVersion()).isGreaterThan(profile.getVersion());
        assertThat(updated.getProfile().getDemographics().getWeightKg()).isEqualTo(71.0);
        // Sections not sent are kept.
        assertThat(updated.getProfile().getHistory()).isEqualTo(profile.getHistory());

        // The same change based on the old version is a conflict.
        failure(Status.Code.ABORTED, () -> profiles.upsertProfile(heavier));
    }

    @Test
    void invalidInputIsRejectedWithFieldViolationsAndNothingIsStored() {
        String mrn = uniqueMrn();
        UpsertProfileRequest bad = fullProfile(mrn)
                .setDemographics(Demographics.newBuilder().setWeightKg(900).setHeightCm(170)
                        .setBirthDate(Date.newBuilder().setYear(2023).setMonth(2).setDay(30)))
                .setGenetics(GeneticsInput.newBuilder()
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C19").setDiplotype("*1*2"))
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C9").setReportedPhenotype("Fast")))
                .build();

        var e = failure(Status.Code.INVALID_ARGUMENT, () -> profiles.upsertProfile(bad));
        assertThat(violatedFields(e)).contains("demographics.birth_date");

        UpsertProfileRequest badValues = fullProfile(mrn)
                .setDemographics(Demographics.newBuilder().setWeightKg(900).setHeightCm(170))
                .setGenetics(GeneticsInput.newBuilder()
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C19").setDiplotype("*1*2"))
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C9").setReportedPhenotype("Fast")))
                .build();
        var values = failure(Status.Code.INVALID_ARGUMENT, () -> profiles.upsertProfile(badValues));
        assertThat(violatedFields(values)).containsExactlyInAnyOrder(
                "demographics.weight_kg", "genetics.calls[0].diplotype", "genetics.calls[1].reported_phenotype");

        UpsertProfileRequest badEnum = fullProfile(mrn)
                .setDemographics(Demographics.newBuilder().setSexAtBirthValue(99)).build();
        assertThat(violatedFields(failure(Status.Code.INVALID_ARGUMENT, () -> profiles.upsertProfile(badEnum))))
                .containsExactly("demographics.sex_at_birth");

        failure(Status.Code.INVALID_ARGUMENT, () -> profiles.upsertProfile(UpsertProfileRequest.newBuilder().build()));
        failure(Status.Code.NOT_FOUND, () -> profiles.getProfile(GetProfileRequest.newBuilder().setPatient(mrnKey(mrn)).build()));
    }

    @Test
    void unknownAndMalformedKeys() {
        failure(Status.Code.NOT_FOUND, () -> profiles.getProfile(GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setPatientId(UUID.randomUUID().toString())).build()));
        var malformed = failure(Status.Code.INVALID_ARGUMENT, () -> profiles.getProfile(GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setPatientId("1' OR '1'='1")).build()));
        assertThat(violatedFields(malformed)).containsExactly("patient.patient_id");
        failure(Status.Code.INVALID_ARGUMENT, () -> profiles.getProfile(GetProfileRequest.getDefaultInstance()));
        failure(Status.Code.NOT_FOUND, () -> profiles.upsertProfile(UpsertProfileRequest.newBuilder()
                .setPatientId(UUID.randomUUID().toString()).setConsent(Consent.getDefaultInstance()).build()));
    }

    @Test
    void listPagesThroughEveryPatientOnceAndDeleteErases() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(profiles.upsertProfile(fullProfile(uniqueMrn()).build()).getProfile().getPatientId());
        }
        List<String> seen = new ArrayList<>();
        String token = "";
        do {
            ListPatientsResponse page = profiles.listPatients(ListPatientsRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(token)).build());
            assertThat(page.getPatientsCount()).isLessThanOrEqualTo(2);
            page.getPatientsList().stream().map(PatientSummary::getPatientId).forEach(seen::add);
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine);

        failure(Status.Code.INVALID_ARGUMENT, () -> profiles.listPatients(ListPatientsRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageToken("garbage!")).build()));
        failure(Status.Code.INVALID_ARGUMENT, () -> profiles.listPatients(ListPatientsRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(501)).build()));

        String victim = mine.iterator().next();
        PatientProfile before = profiles.getProfile(GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setPatientId(victim)).build());
        failure(Status.Code.ABORTED, () -> profiles.deletePatient(DeletePatientRequest.newBuilder()
                .setPatientId(victim).setExpectedVersion(before.getVersion() + 1).build()));
        profiles.deletePatient(DeletePatientRequest.newBuilder().setPatientId(victim).setExpectedVersion(before.getVersion()).build());
        failure(Status.Code.NOT_FOUND, () -> profiles.getProfile(GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setPatientId(victim)).build()));
        failure(Status.Code.NOT_FOUND, () -> profiles.deletePatient(DeletePatientRequest.newBuilder().setPatientId(victim).build()));
        // The identifier is free again: the same MRN creates a new patient.
        ExternalIdentifier mrn = before.getIdentifiers(0);
        assertThat(profiles.upsertProfile(UpsertProfileRequest.newBuilder().addIdentifiers(mrn).build()).getOutcome())
                .isEqualTo(ImportOutcome.IMPORT_OUTCOME_CREATED);
    }

    private static UpsertProfileRequest.Builder fullProfile(String mrn) {
        return UpsertProfileRequest.newBuilder()
                .addIdentifiers(ExternalIdentifier.newBuilder()
                        .setKind(IdentifierKind.IDENTIFIER_KIND_MRN).setSystem(MRN_SYSTEM).setValue(mrn))
                .setDemographics(Demographics.newBuilder()
                        .setBirthDate(Date.newBuilder().setYear(1970).setMonth(6).setDay(1))
                        .setSexAtBirth(SexAtBirth.SEX_AT_BIRTH_FEMALE)
                        .setAncestry(Ancestry.ANCESTRY_ASIAN)
                        .setHeightCm(165).setWeightKg(68))
                .setGenetics(GeneticsInput.newBuilder()
                        .addCalls(GeneCall.newBuilder().setGene("CYP2C19").setDiplotype("*17/*1"))
                        .addHla(HlaResult.newBuilder().setAllele("HLA-B*15:02").setStatus(CarrierStatus.CARRIER_STATUS_POSITIVE)))
                .setHistory(History.newBuilder()
                        .addConditions(Condition.newBuilder().setActive(true)
                                .setCode(Coding.newBuilder().setSystem("http://snomed.info/sct").setCode("84757009")))
                        .addLabs(LabResult.newBuilder().setLoinc("2160-0")
                                .setQuantity(Quantity.newBuilder().setValue(0.9).setUnit("mg/dL"))))
                .setConsent(Consent.newBuilder().setModelRecommendationsOptOut(true));
    }

    private static PatientKey mrnKey(String mrn) {
        return PatientKey.newBuilder().setIdentifier(ExternalIdentifier.newBuilder()
                .setKind(IdentifierKind.IDENTIFIER_KIND_MRN).setSystem(MRN_SYSTEM).setValue(mrn)).build();
    }

    private static String uniqueMrn() {
        return "MRN-" + UUID.randomUUID();
    }
}
