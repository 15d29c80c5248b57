package org.precisionrx.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeterminismTest {

    private static String csv(Indication indication, int n, long seed) throws IOException {
        StringWriter w = new StringWriter();
        Main.writeCohort(new CohortSimulator(), indication, n, seed, w);
        return w.toString();
    }

    @ParameterizedTest
    @EnumSource(Indication.class)
    void sameSeedGivesByteIdenticalCsvAndOtherSeedDiffers(Indication indication) throws IOException {
        String a = csv(indication, 3000, 7);
        String b = csv(indication, 3000, 7);
        String c = csv(indication, 3000, 8);
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(a.lines()).hasSize(3001);
        assertThat(a.lines().findFirst().orElseThrow().split(",")).containsExactlyElementsOf(CohortCsv.header(indication));
    }

    @Test
    void headerHasExactFeatureAndTruthColumns() {
        assertThat(CohortCsv.header(Indication.ACS_PCI)).containsExactly("id", "age", "sex", "ancestry", "bmi",
                "crcl_ml_min", "egfr", "af", "ckd", "liver_disease", "prior_major_bleed", "prior_stroke",
                "heart_failure", "diabetes", "hypertension", "smoking", "alcohol_units_week", "high_vitamin_k",
                "amiodarone", "omeprazole", "strong_cyp3a4_inhibitor", "cyp2c19", "cyp2c9", "vkorc1", "slco1b1",
                "cyp2d6", "abcg2", "age_band", "treatment", "benefit", "sae", "mu_clopidogrel", "mu_prasugrel",
                "mu_ticagrelor", "sae_clopidogrel", "sae_prasugrel", "sae_ticagrelor");
    }

    @Test
    void everyRowHasAsManyCellsAsTheHeaderAndNoEmptyCell() throws IOException {
        List<String> lines = csv(Indication.AF_STROKE_PREVENTION, 500, 3).lines().toList();
        int columns = lines.get(0).split(",", -1).length;
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(columns).doesNotContain("");
        }
    }

    @Test
    void fhirBundlesAreByteIdenticalForTheSameSeed(@TempDir Path a, @TempDir Path b) throws IOException {
        FhirExport export = new FhirExport(FhirExport.DEFAULT_AS_OF);
        List<Path> first = export.write(new CohortSimulator().demoPatients(6, 11, null), a);
        List<Path> second = export.write(new CohortSimulator().demoPatients(6, 11, null), b);
        assertThat(first).hasSize(6);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).getFileName()).isEqualTo(second.get(i).getFileName());
            assertThat(Files.readString(first.get(i))).isEqualTo(Files.readString(second.get(i)));
        }
    }

    @Test
    void fixedPointFormattingIsLocaleFree() {
        assertThat(CohortCsv.fixed(0.12345, 4)).isEqualTo("0.1235");
        assertThat(CohortCsv.fixed(12.0, 1)).isEqualTo("12.0");
        assertThat(CohortCsv.fixed(-0.05, 1)).isEqualTo("-0.1");
        assertThat(CohortCsv.fixed(0.04, 4)).isEqualTo("0.0400");
        assertThat(CohortCsv.fixed(Double.NaN, 2)).isEqualTo("NA");
    }
}
