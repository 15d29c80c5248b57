package org.precisionrx.ml.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {
    @TempDir
    Path tmp;

    @Test
    void bootstrapIntervalContainsTheEstimateAndIsReproducible() {
        Random rng = new Random(1);
        double[] errors = new double[300];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Math.abs(rng.nextGaussian()) * 5;
        }
        ConfidenceInterval ci = Bootstrap.ci(errors, Bootstrap.MEAN, 42, 1000);
        assertThat(ci.estimate()).isEqualTo(Metrics.mean(errors));
        assertThat(ci.contains(ci.estimate())).isTrue();
        assertThat(ci.lower()).isLessThan(ci.estimate());
        assertThat(ci.upper()).isGreaterThan(ci.estimate());
        // Standard error of the mean is ~0.17 here, so the 95% interval is roughly ±0.33 wide.
        assertThat(ci.upper() - ci.lower()).isBetween(0.4, 1.0);
        assertThat(Bootstrap.ci(errors, Bootstrap.MEAN, 42, 1000)).isEqualTo(ci);
        assertThat(Bootstrap.ci(errors, Bootstrap.MEAN, 43, 1000)).isNotEqualTo(ci);
    }

    @Test
    void metrics() {
        double[] actual = {10, 20, 30, 40};
        double[] predicted = {11, 25, 30, 50};
        assertThat(Metrics.mae(actual, predicted)).isEqualTo(4.0);
        assertThat(Metrics.shareWithin20Percent(actual, predicted)).isEqualTo(0.5); // 25 vs 20 and 50 vs 40 are +25%
        assertThat(Metrics.coverage(actual, new double[] {9, 21, 25, 40}, new double[] {12, 30, 35, 45}))
                .isEqualTo(0.75);
        Map<String, Metric> groups = Metrics.bySubgroup(List.of("a", "b", "a", "b"),
                Metrics.absoluteErrors(actual, predicted), 1, 200);
        assertThat(groups).containsOnlyKeys("a", "b");
        assertThat(groups.get("a").value()).isEqualTo(0.5);
        assertThat(groups.get("b").n()).isEqualTo(2);
    }

    @Test
    void cardJsonRoundTripsAndArtifactHashIgnoresTheCardItself() throws Exception {
        Path model = Files.createDirectories(tmp.resolve("model/variables"));
        Files.writeString(model.resolve("variables.index"), "weights");
        Files.writeString(tmp.resolve("model/saved_model.pb"), "graph");
        String sha = ModelCard.artifactSha256(tmp.resolve("model"));

        Metric mae = new Metric(8.1, 7.6, 8.7, 1200);
        ModelCard card = new ModelCard("warfarin-weekly-dose", "1.0.0", "2026-01-15T10:00:00Z",
                new ModelCard.TrainingData("IWPC-style cohort, seeded 80/20 split", 4000),
                "Decision support for pharmacists checking warfarin starting doses",
                "Not for paediatric patients or for replacing INR monitoring",
                Map.of("mae_mg_per_week", mae, "within_20_percent", new Metric(0.46, 0.43, 0.49, 1200)),
                Map.of("CYP2C9", Map.of("*1/*1", Map.of("mae_mg_per_week", mae))), sha);

        Path file = tmp.resolve("model").resolve(ModelCard.FILE_NAME);
        card.write(file);
        assertThat(ModelCard.read(file)).isEqualTo(card);
        assertThat(ModelCard.fromJson(card.toJson()).toJson()).isEqualTo(card.toJson());
        assertThat(ModelCard.artifactSha256(tmp.resolve("model"))).isEqualTo(sha);

        Files.writeString(tmp.resolve("model/saved_model.pb"), "graph2");
        assertThat(ModelCard.artifactSha256(tmp.resolve("model"))).isNotEqualTo(sha);
        assertThatThrownBy(() -> new ModelCard("n", "v", "yesterday", null, null, null, null, null, null))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
    }
}
