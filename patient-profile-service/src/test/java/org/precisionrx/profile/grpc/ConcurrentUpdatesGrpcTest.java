package org.precisionrx.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.profile.testsupport.PostgresTestDatabase;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.FhirPayloadFormat;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.ImportFhirRequest;
import org.precisionrx.profile.v1.ImportOutcome;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.profile.v1.UpsertProfileRequest;
import org.precisionrx.profile.v1.UpsertProfileResponse;

/**
 * Real concurrent calls on one patient against PostgreSQL: optimistic locking gives one winner and
 * a clear ABORTED for the others; concurrent imports of one patient all land (no lost update).
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ConcurrentUpdatesGrpcTest {

    private static final int WRITERS = 6;
    private static final String MRN_SYSTEM = "urn:test:concurrent";

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    @Test
    void updatesBasedOnTheSameVersionHaveExactlyOneWinner() throws Exception {
        PatientProfile start = create();
        List<Outcome<UpsertProfileResponse>> outcomes = atOnce(i -> () -> profiles.upsertProfile(
                weight(start.getPatientId(), 60 + i).setExpectedVersion(start.getVersion()).build()));

        List<UpsertProfileResponse> winners = outcomes.stream().filter(o -> o.answer() != null).map(Outcome::answer).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.failure() != null))
                .hasSize(WRITERS - 1)
                .allSatisfy(o -> {
                    assertThat(o.failure().getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    assertThat(o.failure().getStatus().getDescription()).contains("retry");
                });
        PatientProfile stored = read(start.getPatientId());
        assertThat(stored.getVersion()).isEqualTo(winners.get(0).getProfile().getVersion()).isGreaterThan(start.getVersion());
        assertThat(stored.getDemographics().getWeightKg()).isEqualTo(winners.get(0).getProfile().getDemographics().getWeightKg());
    }

    @Test
    void blindConcurrentUpdatesEitherWinOrConflictAndNeverFailInternally() throws Exception {
        PatientProfile start = create();
        List<Outcome<UpsertProfileResponse>> outcomes = atOnce(i -> () -> profiles.upsertProfile(
                weight(start.getPatientId(), 60 + i).build()));

        assertThat(outcomes).allSatisfy(o -> {
            if (o.failure() != null) {
                assertThat(o.failure().getStatus().getCode()).as(o.failure().getStatus().toString()).isEqualTo(Status.Code.ABORTED);
            }
        });
        List<Double> acknowledged = outcomes.stream().filter(o -> o.answer() != null)
                .map(o -> o.answer().getProfile().getDemographics().getWeightKg()).toList();
        assertThat(acknowledged).isNotEmpty();
        // The stored weight is one somebody was told was stored, never one that was refused.
        assertThat(acknowledged).contains(read(start.getPatientId()).getDemographics().getWeightKg());
    }

    @Test
    void concurrentCreatesOfOnePatientMakeOnePatientAndConflictsAreAborted() throws Exception {
        ExternalIdentifier mrn = ExternalIdentifier.newBuilder().setKind(IdentifierKind.IDENTIFIER_KIND_MRN)
                .setSystem(MRN_SYSTEM).setValue("MRN-" + UUID.randomUUID()).build();
        List<Outcome<UpsertProfileResponse>> outcomes = atOnce(i -> () -> profiles.upsertProfile(
                UpsertProfileRequest.newBuilder().addIdentifiers(mrn)
                        .setDemographics(Demographics.newBuilder().setHeightCm(170).setWeightKg(70)).build()));

        // Losing the race on the identifier's unique key is a conflict to retry, never INTERNAL.
        assertThat(outcomes).allSatisfy(o -> {
            if (o.failure() != null) {
                assertThat(o.failure().getStatus().getCode()).as(o.failure().getStatus().toString()).isEqualTo(Status.Code.ABORTED);
            }
        });
        assertThat(outcomes.stream().filter(o -> o.answer() != null).map(o -> o.answer().getProfile().getPatientId()).distinct())
                .hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.answer() != null
                && o.answer().getOutcome() == ImportOutcome.IMPORT_OUTCOME_CREATED)).hasSize(1);
    }

    @Test
    void concurrentImportsOfOnePatientKeepEveryImportedFact() throws Exception {
        // The patient does not exist yet: the imports also race to create it.
        String fhirId = "concurrent-" + UUID.randomUUID();
        List<Outcome<ImportReport>> outcomes = atOnce(i -> () -> profiles.importFhir(ImportFhirRequest.newBuilder()
                .setPayload(ByteString.copyFromUtf8(patientWithCondition(fhirId, i)))
                .setFormat(FhirPayloadFormat.FHIR_PAYLOAD_FORMAT_NDJSON)
                .setSourceSystem("urn:test:concurrent-fhir").build()));

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.failure()).isNull();
            assertThat(o.answer().getFailed()).as(o.answer().toString()).isZero();
        });
        assertThat(outcomes.stream().mapToInt(o -> o.answer().getCreated()).sum()).isEqualTo(1);
        List<String> patientIds = outcomes.stream().map(o -> o.answer().getPatients(0).getPatientId()).distinct().toList();
        assertThat(patientIds).hasSize(1);
        assertThat(read(patientIds.get(0)).getHistory().getConditionsList()).hasSize(WRITERS);
    }

    private record Outcome<T>(T answer, StatusRuntimeException failure) {
    }

    /** Runs WRITERS calls released together, and returns what each got. */
    private static <T> List<Outcome<T>> atOnce(IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch ready = new CountDownLatch(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Callable<T> work = call.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(work.call(), null);
                    } catch (StatusRuntimeException e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private PatientProfile create() {
        return profiles.upsertProfile(UpsertProfileRequest.newBuilder()
                .addIdentifiers(ExternalIdentifier.newBuilder().setKind(IdentifierKind.IDENTIFIER_KIND_MRN)
                        .setSystem(MRN_SYSTEM).setValue("MRN-" + UUID.randomUUID()))
                .setDemographics(Demographics.newBuilder().setHeightCm(170).setWeightKg(70))
                .build()).getProfile();
    }

    private static UpsertProfileRequest.Builder weight(String patientId, double kg) {
        return UpsertProfileRequest.newBuilder().setPatientId(patientId)
                .setDemographics(Demographics.newBuilder().setHeightCm(170).setWeightKg(kg));
    }

    private PatientProfile read(String patientId) {
        return profiles.getProfile(GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setPatientId(patientId)).build());
    }

    /** The same FHIR patient with one condition of its own (resource id differs per writer). */
    private static String patientWithCondition(String fhirId, int writer) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + fhirId + "\",\"gender\":\"female\",\"birthDate\":\"1960-01-01\"}\n"
                + "{\"resourceType\":\"Condition\",\"id\":\"cond-" + writer + "\","
                + "\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},"
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"4943600" + writer + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + fhirId + "\"}}\n";
    }
}
