package org.precisionrx.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.precisionrx.profile.grpc.GrpcTestSupport.failure;
import static org.precisionrx.profile.grpc.GrpcTestSupport.resource;
import static org.precisionrx.profile.grpc.GrpcTestSupport.violatedFields;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.profile.testsupport.PostgresTestDatabase;
import org.precisionrx.testsupport.SharedData;
import org.precisionrx.profile.v1.CarrierStatus;
import org.precisionrx.profile.v1.ConditionCategory;
import org.precisionrx.profile.v1.EgfrSource;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.FhirPayloadFormat;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.ImportFhirRequest;
import org.precisionrx.profile.v1.ImportOutcome;
import org.precisionrx.profile.v1.ImportPharmcatCallsRequest;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.profile.v1.PhenotypeBasis;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.profile.v1.SmokingStatus;

/** FHIR and PharmCAT imports through a real gRPC stub into a real PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class FhirImportGrpcTest {

    private static final String MRN_SYSTEM = "urn:oid:1.2.36.146.595.217.0.1";

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    @Test
    void adultBundleAndPharmcatCallsReadBackWithPhenotypesAndDerivedValues() {
        ImportReport first = importFhir(resource("fhir/adult-pgx-bundle.json"), "https://ehr.example.org/fhir");
        assertThat(first.getCreated()).isEqualTo(1);
        assertThat(first.getFailed()).isZero();
        assertThat(first.getSkippedByTypeMap()).containsEntry("Immunization", 1);

        ImportReport pharmcat = profiles.importPharmcatCalls(ImportPharmcatCallsRequest.newBuilder()
                .setPatient(mrn("MRN-1001"))
                .setTsv("TPMT\t*3A/*1\nDPYD\tc.1905+1G>A (*2A)/Reference\n")
                .build());
        assertThat(pharmcat.getUpdated()).isEqualTo(1);

        PatientProfile profile = profiles.getProfile(GetProfileRequest.newBuilder().setPatient(mrn("MRN-1001")).build());

        assertThat(profile.getIdentifiersList()).extracting(ExternalIdentifier::getKind, ExternalIdentifier::getValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(IdentifierKind.IDENTIFIER_KIND_MRN, "MRN-1001"),
                        org.assertj.core.groups.Tuple.tuple(IdentifierKind.IDENTIFIER_KIND_FHIR_ID, "pgx-adult-1"));
        assertThat(profile.getDemographics().getSexAtBirth()).isEqualTo(SexAtBirth.SEX_AT_BIRTH_MALE);
        assertThat(profile.getDemographics().getWeightKg()).isEqualTo(82.5);
        assertThat(profile.getDemographics().getHeightCm()).isEqualTo(178.0);

        Map<String, GeneResult> genes = profile.getGenetics().getResultsList().stream()
                .collect(Collectors.toMap(GeneResult::getGene, Function.identity()));
        assertThat(genes.get("CYP2C19").getDiplotype()).isEqualTo("*1/*2");
        assertThat(genes.get("CYP2C19").getPhenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(genes.get("CYP2C9").getPhenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(genes.get("CYP2C9").getActivityScore()).isEqualTo(1.0);
        assertThat(genes.get("VKORC1").getPhenotype()).isEqualTo("-1639 AG");
        assertThat(genes.get("SLCO1B1").getPhenotype()).isEqualTo("Decreased Function");
        assertThat(genes.get("CYP2D6").getPhenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(genes.get("CYP2D6").getActivityScore()).isEqualTo(1.0);
        assertThat(genes.get("CYP2D6").getPhenotypeBasis()).isEqualTo(PhenotypeBasis.PHENOTYPE_BASIS_ACTIVITY_SCORE);
        assertThat(genes.get("TPMT").getPhenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(genes.get("TPMT").getDiplotype()).isEqualTo("*1/*3A");
        assertThat(genes.get("DPYD").getPhenotype()).isEqualTo("Intermediate Metabolizer");
        assertThat(profile.getGenetics().getHlaList()).singleElement().satisfies(hla -> {
            assertThat(hla.getAllele()).isEqualTo("HLA-B*57:01");
            assertThat(hla.getStatus()).isEqualTo(CarrierStatus.CARRIER_STATUS_NEGATIVE);
        });

        assertThat(profile.getLifestyle().getSmoking()).isEqualTo(SmokingStatus.SMOKING_STATUS_FORMER);
        assertThat(profile.getLifestyle().getAlcoholUnitsPerWeek()).isCloseTo(2 * 7 * 1.75, within(1e-9));
        assertThat(profile.getHistory().getConditionsList()).extracting(c -> c.getCategory())
                .containsExactlyInAnyOrder(ConditionCategory.CONDITION_CATEGORY_ATRIAL_FIBRILLATION,
                        ConditionCategory.CONDITION_CATEGORY_CHRONIC_KIDNEY_DISEASE);
        assertThat(profile.getHistory().getMedicationsList()).extracting(m -> m.getDrugId())
                .containsExactlyInAnyOrder("warfarin", "atorvastatin", "omeprazole");
        assertThat(profile.getHistory().getAllergiesList()).singleElement()
                .satisfies(a -> assertThat(a.getDrugId()).isEqualTo("penicillin"));

        int age = Period.between(LocalDate.of(1958, 3, 14), LocalDate.now()).getYears();
        assertThat(profile.getDerived().getAgeYears()).isEqualTo(age);
        assertThat(profile.getDerived().getBmi()).isEqualTo(26.0);
        double clearance = Math.round((140.0 - age) * 82.5 / (72 * 1.2) * 10) / 10.0;
        assertThat(profile.getDerived().getCreatinineClearanceMlMin()).isEqualTo(clearance);
        assertThat(profile.getDerived().getSerumCreatinineMgDl()).isEqualTo(1.2);
        assertThat(profile.getDerived().getEgfrMlMin173M2()).isEqualTo(62.0);
        assertThat(profile.getDerived().getEgfrSource()).isEqualTo(EgfrSource.EGFR_SOURCE_MEASURED);
        assertThat(profile.getDerived().getLatestLabsList()).extracting(l -> l.getLoinc())
                .contains("2160-0", "98979-8", "6301-6", "1742-6", "1920-8", "2823-3");

        // Importing the same data again changes nothing, not even the version.
        ImportReport again = importFhir(resource("fhir/adult-pgx-bundle.json"), "https://ehr.example.org/fhir");
        assertThat(again.getUnchanged()).isEqualTo(1);
        assertThat(again.getCreated() + again.getUpdated()).isZero();
        ImportReport pharmcatAgain = profiles.importPharmcatCalls(ImportPharmcatCallsRequest.newBuilder()
                .setPatient(mrn("MRN-1001")).setTsv("TPMT\t*1/*3A\nDPYD\tc.1905+1G>A (*2A)/Reference\n").build());
        assertThat(pharmcatAgain.getUnchanged()).isEqualTo(1);
        // The same facts as bulk NDJSON are recognised as the same patient and records.
        ImportReport ndjson = profiles.importFhir(ImportFhirRequest.newBuilder()
                .setPayload(resource("fhir/adult-pgx.ndjson")).setFormat(FhirPayloadFormat.FHIR_PAYLOAD_FORMAT_NDJSON)
                .setSourceSystem("https://ehr.example.org/fhir").build());
        assertThat(ndjson.getUnchanged()).as(ndjson.toString()).isEqualTo(1);
        PatientProfile reread = profiles.getProfile(GetProfileRequest.newBuilder().setPatient(mrn("MRN-1001")).build());
        assertThat(reread.getVersion()).isEqualTo(profile.getVersion());
        assertThat(reread.getHistory()).isEqualTo(profile.getHistory());
    }

    @Test
    void anInvalidPatientIsReportedAndNotStoredWhileTheOtherIs() {
        ImportReport report = importFhir(resource("fhir/two-patients-one-invalid.json"), "urn:test:two-patients");

        assertThat(report.getCreated()).isEqualTo(1);
        assertThat(report.getFailed()).isEqualTo(1);
        var failed = report.getPatientsList().stream()
                .filter(p -> p.getOutcome() == ImportOutcome.IMPORT_OUTCOME_FAILED).findFirst().orElseThrow();
        assertThat(failed.getPatientId()).isEmpty();
        assertThat(failed.getProblemsList()).extracting(p -> p.getResource() + " " + p.getField())
                .hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("Observation/obs-b-weight"))
                .anySatisfy(s -> assertThat(s).startsWith("Condition/cond-b-nocode"));

        failure(Status.Code.NOT_FOUND, () -> profiles.getProfile(GetProfileRequest.newBuilder()
                .setPatient(fhirId("urn:test:two-patients", "pat-b")).build()));
        assertThat(profiles.getProfile(GetProfileRequest.newBuilder()
                .setPatient(fhirId("urn:test:two-patients", "pat-a")).build()).getDemographics().hasWeightKg()).isTrue();
    }

    @Test
    void everySyntheaBundleImportsCleanly() throws IOException {
        List<Path> bundles;
        try (Stream<Path> files = Files.list(SharedData.dir("data/fhir/synthea"))) {
            bundles = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(bundles).hasSize(10);
        for (Path bundle : bundles) {
            ImportReport report = importFhir(ByteString.copyFrom(Files.readAllBytes(bundle)), "urn:test:synthea");
            assertThat(report.getFailed()).as(bundle.getFileName() + ": " + report).isZero();
            assertThat(report.getCreated() + report.getUnchanged()).isEqualTo(1);
            assertThat(report.getSkippedByTypeMap()).containsKeys("Immunization", "Encounter", "Claim");
            PatientProfile profile = profiles.getProfile(GetProfileRequest.newBuilder()
                    .setPatient(PatientKey.newBuilder().setPatientId(report.getPatients(0).getPatientId())).build());
            assertThat(profile.getDerived().hasAgeYears()).isTrue();
            if (profile.getDerived().getAgeYears() < 18) {
                assertThat(profile.getDerived().hasCreatinineClearanceMlMin()).isFalse();
            }
            assertThat(profile.getIdentifiersList()).noneMatch(id -> id.getSystem().contains("us-ssn"));
        }
    }

    @Test
    void unreadablePayloadsAreInvalidArgumentAndStoreNothing() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> importFhir(ByteString.copyFromUtf8("{not json"), "urn:test:bad"));
        assertThat(violatedFields(e)).isNotEmpty();
        failure(Status.Code.INVALID_ARGUMENT, () -> importFhir(ByteString.EMPTY, "urn:test:bad"));
        String ndjson = "{\"resourceType\":\"Patient\",\"id\":\"nd-1\"}\n{\"resourceType\":\"Observation\",";
        var broken = failure(Status.Code.INVALID_ARGUMENT, () -> profiles.importFhir(ImportFhirRequest.newBuilder()
                .setPayload(ByteString.copyFromUtf8(ndjson)).setFormat(FhirPayloadFormat.FHIR_PAYLOAD_FORMAT_NDJSON)
                .setSourceSystem("urn:test:bad").build()));
        assertThat(broken.getStatus().getDescription()).contains("line 2");
        failure(Status.Code.NOT_FOUND, () -> profiles.getProfile(GetProfileRequest.newBuilder()
                .setPatient(fhirId("urn:test:bad", "nd-1")).build()));
    }

    @Test
    void badPharmcatFilesAreRejectedWhole() {
        importFhir(resource("fhir/two-patients-one-invalid.json"), "urn:test:pharmcat");
        PatientKey patient = fhirId("urn:test:pharmcat", "pat-a");
        long version = profiles.getProfile(GetProfileRequest.newBuilder().setPatient(patient).build()).getVersion();

        var e = failure(Status.Code.INVALID_ARGUMENT, () -> profiles.importPharmcatCalls(ImportPharmcatCallsRequest
                .newBuilder().setPatient(patient).setTsv("CYP2C19\t*1/*2\nCYP2C9\t*1*3\n").build()));
        assertThat(violatedFields(e)).containsExactly("genetics.calls[1].diplotype");
        failure(Status.Code.INVALID_ARGUMENT, () -> profiles.importPharmcatCalls(ImportPharmcatCallsRequest
                .newBuilder().setPatient(patient).setTsv("CYP2C19 *1/*2").build()));
        failure(Status.Code.NOT_FOUND, () -> profiles.importPharmcatCalls(ImportPharmcatCallsRequest
                .newBuilder().setPatient(mrn("no-such-mrn")).setTsv("CYP2C19\t*1/*2").build()));

        PatientProfile after = profiles.getProfile(GetProfileRequest.newBuilder().setPatient(patient).build());
        assertThat(after.getVersion()).isEqualTo(version);
        assertThat(after.getGenetics().getResultsList()).isEmpty();
    }

    private ImportReport importFhir(ByteString payload, String system) {
        return profiles.importFhir(ImportFhirRequest.newBuilder().setPayload(payload).setSourceSystem(system).build());
    }

    private static PatientKey mrn(String value) {
        return PatientKey.newBuilder().setIdentifier(ExternalIdentifier.newBuilder()
                .setKind(IdentifierKind.IDENTIFIER_KIND_MRN).setSystem(MRN_SYSTEM).setValue(value)).build();
    }

    private static PatientKey fhirId(String system, String id) {
        return PatientKey.newBuilder().setIdentifier(ExternalIdentifier.newBuilder()
                .setKind(IdentifierKind.IDENTIFIER_KIND_FHIR_ID).setSystem(system).setValue(id)).build();
    }
}
