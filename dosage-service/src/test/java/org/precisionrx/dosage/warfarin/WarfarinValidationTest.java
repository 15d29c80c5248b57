package org.precisionrx.dosage.warfarin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.warfarin.WarfarinDataset.Example;
import org.precisionrx.ml.card.Metric;
import org.precisionrx.testsupport.SharedData;

/** Recomputes the validation metrics from the committed model (not from its card) and checks the bar. */
class WarfarinValidationTest {

    private static WarfarinArtifact artifact;
    private static WarfarinDataset data;
    private static WarfarinEvaluation eval;

    @BeforeAll
    static void evaluate() throws Exception {
        artifact = WarfarinArtifact.fromClasspath();
        data = WarfarinDataset.load(SharedData.dir("data/iwpc/warfarin-train.csv"), WarfarinTraining.DEFAULT_SEED);
        eval = WarfarinEvaluation.of(artifact, data.validation(), data.trainingPart());
    }

    @AfterAll
    static void close() {
        artifact.close();
    }

    @Test
    void splitIsDisjointAndAboutOneFifth() {
        Set<String> train = new HashSet<>();
        data.trainingPart().forEach(e -> train.add(e.subjectId()));
        assertThat(train).hasSize(data.trainingPart().size());
        assertThat(data.validation()).extracting(Example::subjectId).doesNotContainAnyElementsOf(train);
        int total = train.size() + data.validation().size();
        assertThat(total).isEqualTo(3526);
        assertThat((double) data.validation().size() / total).isBetween(0.18, 0.22);
    }

    @Test
    void modelBeatsTheIwpcFormulaAndItsIntervalIsCalibrated() {
        double modelMae = eval.value("model.mae_mg_week");
        double iwpcMae = eval.value("iwpc.mae_mg_week");
        double coverage = eval.value("model.coverage_p10_p90");
        assertThat(modelMae).isLessThan(iwpcMae);
        assertThat(coverage).isBetween(0.75, 0.85);
    }

    @Test
    void cardReportsTheRecomputedMetrics() {
        eval.metrics().forEach((name, metric) -> {
            Metric card = artifact.card().metrics().get(name);
            assertThat(card).as(name).isNotNull();
            // float32 inference rounds differently on other CPUs (AVX2 vs AVX-512 kernels): equal to 1e-6.
            assertThat(card.value()).as(name).isCloseTo(metric.value(), within(1e-6 * Math.max(1, Math.abs(metric.value()))));
            assertThat(card.lower95()).as(name).isLessThanOrEqualTo(card.value());
            assertThat(card.upper95()).as(name).isGreaterThanOrEqualTo(card.value());
            assertThat(card.n()).isEqualTo(data.validation().size());
        });
        assertThat(artifact.card().subgroupMetrics()).containsOnlyKeys("age", "race", "sex");
        assertThat(artifact.card().subgroupMetrics().get("sex")).containsKeys("FEMALE", "MALE");
    }
}
