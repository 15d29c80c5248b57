package org.precisionrx.recommender.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.precisionrx.ml.feature.Feature;
import org.precisionrx.ml.feature.FeatureSpec;

/** The ranking models' typed feature spec, fitted on the training rows. */
final class RankingFeatures {

    static final String UNKNOWN = "UNKNOWN";
    static final List<String> NUMERIC = List.of("age", "bmi", "crcl_ml_min", "egfr", "alcohol_units_week");
    static final List<String> BOOLEAN = List.of("af", "ckd", "liver_disease", "prior_major_bleed", "prior_stroke",
            "heart_failure", "diabetes", "hypertension", "high_vitamin_k", "amiodarone", "omeprazole", "strong_cyp3a4_inhibitor");
    static final List<String> CATEGORICAL = List.of("sex", "ancestry", "smoking", "cyp2c19", "cyp2c9", "vkorc1", "slco1b1",
            "cyp2d6", "abcg2");

    private RankingFeatures() {
    }

    static FeatureSpec fit(String name, List<Map<String, String>> rows) {
        List<Feature> features = new ArrayList<>();
        NUMERIC.forEach(column -> features.add(Feature.numeric(column, true)));
        BOOLEAN.forEach(column -> features.add(Feature.bool(column)));
        for (String column : CATEGORICAL) {
            TreeSet<String> values = new TreeSet<>();
            rows.forEach(row -> values.add(row.get(column)));
            values.remove("NA");
            values.add(UNKNOWN);
            features.add(Feature.categorical(column, List.copyOf(values), UNKNOWN));
        }
        return FeatureSpec.fit(name, 1, rows, features.toArray(new Feature[0]));
    }
}
