package org.precisionrx.profile.pharmcat;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.precisionrx.profile.ingest.GeneticCall;
import org.precisionrx.profile.ingest.PatientRecord;
import org.precisionrx.profile.pgx.PgxKnowledge;
import org.precisionrx.profile.service.RecordValidator;

/**
 * Property: any text is either rejected whole (problems, no calls) or read into calls with a distinct
 * upper-case gene, a diplotype or a phenotype, and an activity score that is a finite number when given;
 * those calls then pass through the service's {@link RecordValidator} without it failing. Never half a file,
 * never an exception.
 *
 * <p>Regression inputs: {@code PharmcatCallsFuzzTestInputs/parsesOrRejects/}, raw TSV files.
 */
class PharmcatCallsFuzzTest {

    private static final PharmcatCallsParser PARSER = new PharmcatCallsParser();
    private static final RecordValidator VALIDATOR = new RecordValidator(PgxKnowledge.loadDefault());

    @FuzzTest(maxDuration = "3m")
    void parsesOrRejects(byte[] input) {
        PharmcatCallsParser.Result result = PARSER.parse(new String(input, StandardCharsets.UTF_8));

        if (!result.problems().isEmpty()) {
            assertThat(result.calls()).isEmpty();
            assertThat(result.problems()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
            return;
        }
        assertThat(result.calls()).isNotEmpty();
        Set<String> genes = new HashSet<>();
        for (GeneticCall call : result.calls()) {
            assertThat(call.gene()).isNotBlank().isEqualTo(call.gene().toUpperCase(Locale.ROOT));
            assertThat(genes.add(call.gene())).as("gene %s once", call.gene()).isTrue();
            assertThat(call.diplotype() != null || call.reportedPhenotype() != null).isTrue();
            if (call.reportedActivityScore() != null) {
                assertThat(call.reportedActivityScore()).isFinite();
            }
        }
        PatientRecord record = new PatientRecord("pharmcat", List.of(), null, null, result.calls(),
                List.of(), List.of(), List.of(), List.of(), List.of());
        VALIDATOR.validate(record, LocalDate.of(2025, 1, 15));
    }
}
