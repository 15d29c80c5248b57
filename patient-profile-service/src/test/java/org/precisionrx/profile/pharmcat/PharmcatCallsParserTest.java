package org.precisionrx.profile.pharmcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.precisionrx.profile.ingest.GeneticCall;
import org.precisionrx.profile.ingest.GeneticCall.GeneticSource;
import org.precisionrx.profile.ingest.ImportProblem;

class PharmcatCallsParserTest {

    private final PharmcatCallsParser parser = new PharmcatCallsParser();

    @Test
    void readsCallsWithOptionalColumnsCommentsAndHeader() {
        String tsv = """
                # outside calls from the lab
                gene\tdiplotype\tphenotype\tactivity score
                CYP2D6\t*1/*4\tIntermediate Metabolizer\t1.0
                cyp2c19\t*2/*1

                CYP2C9\t\tPoor Metabolizer
                """;

        PharmcatCallsParser.Result result = parser.parse(tsv);

        assertThat(result.problems()).isEmpty();
        assertThat(result.calls()).containsExactly(
                new GeneticCall("CYP2D6", "*1/*4", "Intermediate Metabolizer", 1.0, GeneticSource.PHARMCAT, null),
                new GeneticCall("CYP2C19", "*2/*1", null, null, GeneticSource.PHARMCAT, null),
                new GeneticCall("CYP2C9", null, "Poor Metabolizer", null, GeneticSource.PHARMCAT, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CYP2D6 *1/*4|line 1|columns",
            "CYP2D6\t*1/*4\tIM\t1.0\textra|line 1|columns",
            "'\t*1/*4'|line 1|gene",
            "'CYP2D6\t\t'|line 1|diplotype",
            "CYP2D6\t*1/*4\t\tone|line 1|activity score",
            "CYP2D6\t*1/*4\t\tNaN|line 1|activity score",
            "CYP2D6\t*1/*4\t\t1e400|line 1|activity score",
            "CYP2D6\t*1/*4\t\t0x1p0|line 1|activity score",
    })
    void rejectsMalformedLinesNamingLineAndColumn(String tsv, String resource, String field) {
        PharmcatCallsParser.Result result = parser.parse(tsv);

        assertThat(result.calls()).isEmpty();
        assertThat(result.problems()).extracting(ImportProblem::resource, ImportProblem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(resource, field));
    }

    @Test
    void oneBadLineRejectsTheWholeFile() {
        PharmcatCallsParser.Result result = parser.parse("CYP2C19\t*1/*2\nCYP2C19\t*1/*17\n");

        assertThat(result.calls()).isEmpty();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("more than once"));
    }

    @Test
    void emptyInputIsAProblem() {
        assertThat(parser.parse("").problems()).isNotEmpty();
        assertThat(parser.parse("# only a comment\n").problems()).isNotEmpty();
    }
}
