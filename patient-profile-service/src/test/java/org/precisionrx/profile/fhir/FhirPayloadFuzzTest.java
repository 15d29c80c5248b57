package org.precisionrx.profile.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.pgx.PgxKnowledge;
import org.precisionrx.profile.service.RecordValidator;

/**
 * Property: any byte payload, in any {@link PayloadFormat}, is either rejected as a whole with a
 * {@link FhirPayloadException} that names where and why, or read into per-patient results where each
 * patient has problems (and no record) or a record that the service's {@link RecordValidator} can check
 * without failing. Nothing else escapes: no NullPointerException, ClassCastException, or HAPI exception.
 *
 * <p>Regression inputs: {@code FhirPayloadFuzzTestInputs/readsOrRejects/}. The last byte of each input
 * picks the format, the rest is the payload as ImportService decodes it (UTF-8).
 */
class FhirPayloadFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZoneOffset.UTC);
    private static final FhirPayloadReader READER = new FhirPayloadReader(FhirContext.forR4(), CLOCK);
    private static final RecordValidator VALIDATOR = new RecordValidator(PgxKnowledge.loadDefault());

    static {
        // HAPI builds its parser and resource models on first use; do that here, not in the first timed input.
        READER.read("{\"resourceType\":\"Patient\",\"id\":\"warm-up\"}", PayloadFormat.NDJSON, null);
    }

    @FuzzTest(maxDuration = "3m")
    void readsOrRejects(FuzzedDataProvider data) {
        PayloadFormat format = data.pickValue(PayloadFormat.values());
        String payload = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);

        FhirImport result;
        try {
            result = READER.read(payload, format, "https://fuzz.example/fhir");
        } catch (FhirPayloadException rejected) {
            assertThat(rejected.problems()).isNotEmpty().allSatisfy(FhirPayloadFuzzTest::namesWhereAndWhy);
            return;
        }
        for (PatientImport patient : result.patients()) {
            assertThat(patient.sourceRef()).isNotBlank();
            if (patient.problems().isEmpty()) {
                assertThat(patient.record()).isNotNull();
                VALIDATOR.validate(patient.record(), LocalDate.now(CLOCK)).forEach(FhirPayloadFuzzTest::namesWhereAndWhy);
            } else {
                assertThat(patient.record()).isNull();
                patient.problems().forEach(FhirPayloadFuzzTest::namesWhereAndWhy);
            }
        }
        assertThat(result.skippedByType().values()).allSatisfy(count -> assertThat(count).isPositive());
    }

    private static void namesWhereAndWhy(ImportProblem problem) {
        assertThat(problem.resource()).isNotBlank();
        assertThat(problem.reason()).isNotBlank();
    }
}
