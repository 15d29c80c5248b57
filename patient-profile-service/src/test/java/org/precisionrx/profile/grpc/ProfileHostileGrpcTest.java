package org.precisionrx.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.common.v1.Date;
import org.precisionrx.profile.testsupport.PostgresTestDatabase;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.DeletePatientRequest;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.ImportFhirRequest;
import org.precisionrx.profile.v1.ImportPharmcatCallsRequest;
import org.precisionrx.profile.v1.Lifestyle;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.profile.v1.UpsertProfileRequest;
import org.precisionrx.testsupport.GrpcFailures;

/**
 * Hostile requests through a real stub: missing fields, enum numbers the contract does not
 * define, implausible values and oversized messages are refused with INVALID_ARGUMENT naming the
 * field (or RESOURCE_EXHAUSTED for size), never UNKNOWN or INTERNAL, and nothing is stored.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ProfileHostileGrpcTest {

    private static final String MRN_SYSTEM = "urn:test:hostile";

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    private PatientProfileServiceBlockingStub stub() {
        return profiles.withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertInvalid(() -> stub().getProfile(GetProfileRequest.getDefaultInstance()), "patient");
        assertInvalid(() -> stub().importFhir(ImportFhirRequest.getDefaultInstance()), "payload");
        assertInvalid(() -> stub().importPharmcatCalls(ImportPharmcatCallsRequest.newBuilder().setTsv("CYP2C19\t*1/*2").build()),
                "patient");
        assertInvalid(() -> stub().deletePatient(DeletePatientRequest.getDefaultInstance()), "patient_id");
        assertInvalid(() -> stub().upsertProfile(UpsertProfileRequest.newBuilder()
                .setDemographics(Demographics.newBuilder().setWeightKg(70)).build()), "identifiers");
        assertInvalid(() -> stub().getProfile(GetProfileRequest.newBuilder().setPatient(PatientKey.newBuilder()
                .setIdentifier(ExternalIdentifier.newBuilder().setKind(IdentifierKind.IDENTIFIER_KIND_MRN))).build()),
                "patient.identifier");
    }

    @Test
    void unknownEnumNumbersAreNamedAndNothingIsStored() {
        String mrn = "hostile-" + UUID.randomUUID();
        assertInvalid(() -> stub().importFhir(ImportFhirRequest.newBuilder().setFormatValue(999)
                .setPayload(com.google.protobuf.ByteString.copyFromUtf8("{}")).build()), "format");
        assertInvalid(() -> stub().upsertProfile(adult(mrn)
                .setLifestyle(Lifestyle.newBuilder().addDietFlagsValue(1).addDietFlagsValue(999).setPhysicalActivityValue(-7))
                .build()), "lifestyle.diet_flags[1]", "lifestyle.physical_activity");
        assertInvalid(() -> stub().getProfile(GetProfileRequest.newBuilder().setPatient(PatientKey.newBuilder()
                .setIdentifier(ExternalIdentifier.newBuilder().setKindValue(999).setSystem(MRN_SYSTEM).setValue(mrn))).build()),
                "patient.identifier.kind");
        assertNotStored(mrn);
    }

    @Test
    void anAdultOf5KgOr900KgIsRefused() {
        String mrn = "hostile-" + UUID.randomUUID();
        assertInvalid(() -> stub().upsertProfile(adult(mrn).setDemographics(demographics(5)).build()), "demographics.weight_kg");
        assertInvalid(() -> stub().upsertProfile(adult(mrn).setDemographics(demographics(900)).build()), "demographics.weight_kg");
        assertInvalid(() -> stub().upsertProfile(adult(mrn).setDemographics(demographics(Double.NaN)).build()),
                "demographics.weight_kg");
        assertNotStored(mrn);
        // A child of 5 kg is a real patient.
        String child = "hostile-" + UUID.randomUUID();
        assertThat(stub().upsertProfile(UpsertProfileRequest.newBuilder().addIdentifiers(mrn(child))
                .setDemographics(Demographics.newBuilder().setWeightKg(5)
                        .setBirthDate(Date.newBuilder().setYear(java.time.LocalDate.now().getYear() - 1).setMonth(1).setDay(1)))
                .build()).getProfile().getDemographics().getWeightKg()).isEqualTo(5);
    }

    @Test
    void aMessageAboveTheServersLimitIsResourceExhaustedNotUnknown() {
        // quarkus.grpc.server.max-inbound-message-size is 32 MiB (FHIR imports are up to 16 MiB).
        StatusRuntimeException e = GrpcFailures.of(() -> stub().importFhir(ImportFhirRequest.newBuilder()
                .setPayload(GrpcFailures.filler(33 * 1024 * 1024)).build()));
        assertThat(GrpcFailures.code(e)).as(e.getStatus().toString()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }

    private void assertNotStored(String mrn) {
        StatusRuntimeException e = GrpcFailures.of(() -> stub().getProfile(GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setIdentifier(mrn(mrn))).build()));
        assertThat(GrpcFailures.code(e)).isEqualTo(Status.Code.NOT_FOUND);
    }

    private static void assertInvalid(Supplier<?> call, String... fields) {
        StatusRuntimeException e = GrpcFailures.of(call);
        assertThat(GrpcFailures.code(e)).as(e.getStatus().toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcFailures.violatedFields(e)).contains(fields);
        assertThat(e.getStatus().getDescription()).contains(GrpcFailures.violatedFields(e).get(0));
    }

    private static UpsertProfileRequest.Builder adult(String mrn) {
        return UpsertProfileRequest.newBuilder().addIdentifiers(mrn(mrn)).setDemographics(demographics(70));
    }

    private static Demographics demographics(double kg) {
        return Demographics.newBuilder().setBirthDate(Date.newBuilder().setYear(1970).setMonth(6).setDay(1)).setWeightKg(kg).build();
    }

    private static ExternalIdentifier mrn(String value) {
        return ExternalIdentifier.newBuilder().setKind(IdentifierKind.IDENTIFIER_KIND_MRN).setSystem(MRN_SYSTEM).setValue(value).build();
    }
}
