package org.precisionrx.ml.card;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.precisionrx.ml.io.Json;
import org.precisionrx.ml.io.Sha256;

/**
 * What a model is, what it was trained on, what it is for and how well it does, tied to the exact artifact
 * by {@code artifactSha256}. {@code created} is supplied by the caller (ISO-8601 instant) rather than read
 * from the clock, so regenerating a card from the same inputs gives the same bytes.
 *
 * @param metrics metric name -> value with 95% CI
 * @param subgroupMetrics subgroup (e.g. "CYP2C9") -> subgroup value (e.g. "*1/*3") -> metric name -> value
 */
public record ModelCard(String name, String version, String created, TrainingData trainingData,
                        String intendedUse, String outOfScopeUse, Map<String, Metric> metrics,
                        Map<String, Map<String, Map<String, Metric>>> subgroupMetrics, String artifactSha256) {

    public static final String FILE_NAME = "model-card.json";

    /** Description and size of the training data. */
    public record TrainingData(String description, int rows) {
    }

    public ModelCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Instant.parse(Objects.requireNonNull(created, "created")); // rejects non-ISO timestamps early
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics); // JSON output sorts keys
        subgroupMetrics = subgroupMetrics == null ? Map.of() : Map.copyOf(subgroupMetrics);
    }

    /**
     * SHA-256 over the files of an exported model directory in sorted path order (see
     * {@link Sha256#ofDirectory}), leaving out a model card stored in the same directory.
     */
    public static String artifactSha256(Path modelDir) throws IOException {
        return Sha256.ofDirectory(modelDir, FILE_NAME);
    }

    public String toJson() {
        return Json.write(this);
    }

    public static ModelCard fromJson(String json) {
        return Json.read(json, ModelCard.class);
    }

    public void write(Path file) throws IOException {
        Json.writeFile(file, this);
    }

    public static ModelCard read(Path file) throws IOException {
        return Json.readFile(file, ModelCard.class);
    }
}
