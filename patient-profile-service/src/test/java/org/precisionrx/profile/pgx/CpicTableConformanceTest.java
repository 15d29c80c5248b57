package org.precisionrx.profile.pgx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the trimmed resources against the ORIGINAL PharmCAT files in the shared folder: every diplotype,
 * in both allele orders, must give the table's phenotype and activity score. The shared folder is
 * {@code -Dprx.shared.dir} (default ../../shared relative to the working directory); if it is missing the
 * test fails, because a silently skipped conformance check is worse than none.
 */
class CpicTableConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PgxKnowledge knowledge;

    @BeforeAll
    static void load() {
        knowledge = PgxKnowledge.loadDefault();
    }

    static Path pharmcatDir() {
        Path dir = Path.of(System.getProperty("prx.shared.dir", "../../shared"), "data", "pgx", "pharmcat");
        assertThat(dir).as("shared PharmCAT folder (set -Dprx.shared.dir); resolved to %s", dir.toAbsolutePath())
                .isDirectory();
        return dir;
    }

    static Stream<String> tableGenes() {
        return PgxKnowledge.TABLE_GENES.stream();
    }

    @Test
    void everyRequiredGeneIsCovered() {
        assertThat(knowledge.genes()).contains("CYP2C19", "CYP2C9", "SLCO1B1", "TPMT", "NUDT15", "DPYD", "CYP3A5",
                "UGT1A1", "ABCG2", "CYP2B6", "VKORC1", "CYP2D6");
    }

    @ParameterizedTest
    @MethodSource("tableGenes")
    void everyDiplotypeOfTheOriginalTableTranslatesToItsPhenotype(String gene) throws IOException {
        JsonNode original = JSON.readTree(pharmcatDir().resolve(gene + ".json").toFile());
        assertThat(knowledge.tableVersion(gene)).isEqualTo(original.get("version").asText());
        List<String> mismatches = new ArrayList<>();
        JsonNode rows = original.get("diplotypes");
        assertThat(rows.size()).as("%s diplotype rows", gene).isPositive();
        for (JsonNode row : rows) {
            String diplotype = row.get("diplotype").asText();
            String phenotype = row.get("phenotype").asText();
            Double score = score(row.get("activityScore"));
            String[] alleles = diplotype.split("/");
            assertThat(alleles).as(diplotype).hasSize(2);
            if (!DiplotypeNormalizer.normalize(gene, diplotype).equals(diplotype)) {
                mismatches.add(diplotype + " normalises to " + DiplotypeNormalizer.normalize(gene, diplotype));
            }
            for (String asked : List.of(diplotype, alleles[1] + "/" + alleles[0])) {
                PhenotypeCall call = knowledge.translate(gene, asked);
                boolean same = call.phenotype().equals(phenotype) && Objects.equals(call.activityScore(), score)
                        && call.diplotype().equals(diplotype)
                        && call.determinate() == !phenotype.equals(PhenotypeCall.INDETERMINATE);
                if (!same) {
                    mismatches.add(asked + " -> " + call + ", table says " + phenotype + " / " + score);
                }
            }
        }
        assertThat(mismatches).as("%s rows that do not conform", gene).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("tableGenes")
    void trimmedCopyKeepsTheOriginalAlleleFunctions(String gene) throws IOException {
        JsonNode original = JSON.readTree(pharmcatDir().resolve(gene + ".json").toFile());
        JsonNode trimmed;
        try (var in = getClass().getClassLoader().getResourceAsStream("pgx/cpic/" + gene + ".json")) {
            trimmed = JSON.readTree(in);
        }
        assertThat(trimmed.get("haplotypes")).isEqualTo(original.get("haplotypes"));
        assertThat(trimmed.get("diplotypes").size()).isEqualTo(original.get("diplotypes").size());
    }

    private static Double score(JsonNode node) {
        return node == null || node.isNull() || node.asText().equals("n/a") ? null : Double.valueOf(node.asText());
    }
}
