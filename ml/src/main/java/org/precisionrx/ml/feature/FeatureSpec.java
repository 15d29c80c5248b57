package org.precisionrx.ml.feature;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.precisionrx.ml.io.Json;

/**
 * A named, versioned, ordered list of features. The fitted spec is shipped beside the model
 * ({@code feature-spec.json}) so that serving encodes exactly as training did.
 */
public record FeatureSpec(String name, int version, List<Feature> features) {

    public static final String FILE_NAME = "feature-spec.json";

    public FeatureSpec {
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
        var seen = new HashSet<String>();
        for (Feature f : features) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException("duplicate feature " + f.name());
            }
        }
    }

    /** Fits numeric mean/std (population std over non-missing values; 1 when constant or empty). */
    public static FeatureSpec fit(String name, int version, List<Map<String, String>> rows, Feature... definitions) {
        List<Feature> fitted = new ArrayList<>();
        for (Feature def : definitions) {
            if (def.kind() != FeatureKind.NUMERIC) {
                fitted.add(def);
                continue;
            }
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (Map<String, String> row : rows) {
                String raw = row.get(def.name());
                if (!RawValues.isMissing(raw)) {
                    double v = RawValues.number(def.name(), raw);
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double var = n == 0 ? 0 : Math.max(0, sumSq / n - mean * mean);
            double std = var > 1e-24 ? Math.sqrt(var) : 1.0;
            fitted.add(def.withStats(mean, std));
        }
        return new FeatureSpec(name, version, fitted);
    }

    @JsonIgnore
    public boolean isFitted() {
        return features.stream().allMatch(Feature::isFitted);
    }

    public String toJson() {
        return Json.write(this);
    }

    public static FeatureSpec fromJson(String json) {
        return Json.read(json, FeatureSpec.class);
    }

    public void write(Path file) throws IOException {
        Json.writeFile(file, this);
    }

    public static FeatureSpec read(Path file) throws IOException {
        return Json.readFile(file, FeatureSpec.class);
    }
}
