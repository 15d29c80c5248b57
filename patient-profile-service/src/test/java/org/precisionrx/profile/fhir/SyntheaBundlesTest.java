package org.precisionrx.profile.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.precisionrx.profile.ingest.ExternalId;

/** Real-world shaped input: every shared Synthea bundle must read cleanly. Missing data fails, never skips. */
class SyntheaBundlesTest {

    static final FhirPayloadReader READER = new FhirPayloadReader(FhirContext.forR4());

    static List<Path> bundles() throws IOException {
        Path shared = Path.of(System.getProperty("prx.shared.dir", "../../shared"));
        Path folder = shared.resolve("data/fhir/synthea");
        assertThat(folder).as("Synthea folder (set -Dprx.shared.dir)").isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> json = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            assertThat(json).as("Synthea bundles in " + folder).isNotEmpty();
            return json;
        }
    }

    @TestFactory
    Stream<DynamicTest> everySyntheaBundleReadsAsOneCleanPatient() throws IOException {
        return bundles().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            FhirImport result = READER.read(Files.readString(path), PayloadFormat.AUTO, "https://synthea.example/fhir");

            assertThat(result.patients()).hasSize(1);
            PatientImport patient = result.patients().get(0);
            assertThat(patient.problems()).isEmpty();
            assertThat(patient.patientResourceIncluded()).isTrue();
            assertThat(patient.record().demographics().birthDate()).isNotNull();
            assertThat(patient.record().identifiers())
                    .extracting(ExternalId::system)
                    .doesNotContain("http://hl7.org/fhir/sid/us-ssn");
            assertThat(patient.record().identifiers()).extracting(ExternalId::kind)
                    .containsExactly(ExternalId.Kind.FHIR_ID, ExternalId.Kind.MRN);
            assertThat(result.skippedByType().get("Immunization")).isPositive();
            assertThat(result.skippedByType().get("Encounter")).isPositive();
            assertThat(result.skippedByType().get("Claim")).isPositive();
        }));
    }
}
