package org.precisionrx.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureEncoderTest {
    /** A committed, fitted spec: if encoding changes, the golden vectors below stop matching. */
    static final String SPEC_JSON = """
            {
              "name": "warfarin-golden",
              "version": 3,
              "features": [
                {"name": "age", "kind": "NUMERIC", "mean": 60.0, "std": 10.0, "missingIndicator": true},
                {"name": "weight_kg", "kind": "NUMERIC", "mean": 80.0, "std": 16.0, "missingIndicator": false},
                {"name": "race", "kind": "CATEGORICAL", "categories": ["white", "asian", "black", "unknown"],
                 "unknownCategory": "unknown"},
                {"name": "amiodarone", "kind": "BOOLEAN"}
              ]
            }
            """;

    private final FeatureEncoder encoder = new FeatureEncoder(FeatureSpec.fromJson(SPEC_JSON));

    @Test
    void goldenVectors() {
        assertThat(encoder.columnNames()).containsExactly("age", "age__missing", "weight_kg",
                "race=white", "race=asian", "race=black", "race=unknown", "amiodarone");
        assertThat(encoder.width()).isEqualTo(8);

        // Unseen category -> unknown; missing weight -> 0 (the training mean) without an indicator column.
        assertThat(encoder.encode(Map.of("age", "67.3", "race", "martian", "amiodarone", "yes")))
                .containsExactly(0.73f, 0f, 0f, 0f, 0f, 0f, 1f, 1f);
        // Missing age -> 0 plus indicator; whitespace is trimmed; "NA" counts as missing.
        assertThat(encoder.encode(Map.of("age", "NA", "weight_kg", " 64 ", "race", "asian", "amiodarone", "0")))
                .containsExactly(0f, 1f, -1f, 0f, 1f, 0f, 0f, 0f);
        // Everything missing: means, indicator, unknown category, false.
        assertThat(encoder.encode(Map.of()))
                .containsExactly(0f, 1f, 0f, 0f, 0f, 0f, 1f, 0f);
        assertThat(encoder.encode(Map.of("age", "41", "weight_kg", "100.5", "race", "black", "amiodarone", "false")))
                .containsExactly(-1.9f, 0f, 1.28125f, 0f, 0f, 1f, 0f, 0f);
    }

    @Test
    void specJsonRoundTrips() {
        FeatureSpec spec = FeatureSpec.fromJson(SPEC_JSON);
        FeatureSpec again = FeatureSpec.fromJson(spec.toJson());
        assertThat(again).isEqualTo(spec);
        assertThat(again.toJson()).isEqualTo(spec.toJson());
        assertThat(again.features().get(2).unknownCategory()).isEqualTo("unknown");
    }

    @Test
    void fitStandardisesNumericFeaturesOnTrainingRows() {
        List<Map<String, String>> rows = List.of(
                Map.of("x", "1", "c", "a"), Map.of("x", "2", "c", "b"), Map.of("x", "3"), row("x", null));
        FeatureSpec spec = FeatureSpec.fit("fit", 1, rows,
                Feature.numeric("x", true), Feature.categorical("c", List.of("a", "b", "other"), "other"),
                Feature.bool("flag"));
        Feature x = spec.features().get(0);
        assertThat(x.mean()).isEqualTo(2.0);
        assertThat(x.std()).isCloseTo(Math.sqrt(2.0 / 3.0), org.assertj.core.data.Offset.offset(1e-12));
        FeatureEncoder enc = new FeatureEncoder(spec);
        assertThat(enc.encode(Map.of("x", "3", "c", "b")))
                .containsExactly((float) (1 / Math.sqrt(2.0 / 3.0)), 0f, 0f, 1f, 0f, 0f);
    }

    @Test
    void rejectsBadInputInsteadOfTreatingItAsMissing() {
        assertThatThrownBy(() -> encoder.encode(Map.of("age", "sixty"))).hasMessageContaining("age");
        assertThatThrownBy(() -> encoder.encode(Map.of("amiodarone", "maybe"))).hasMessageContaining("amiodarone");
        assertThatThrownBy(() -> new FeatureEncoder(new FeatureSpec("s", 1, List.of(Feature.numeric("x", false)))))
                .hasMessageContaining("not fitted");
        assertThatThrownBy(() -> Feature.categorical("c", List.of("a"), "unknown"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> row(String key, String value) {
        Map<String, String> m = new HashMap<>();
        m.put(key, value);
        return m;
    }
}
