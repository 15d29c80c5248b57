package org.precisionrx.recommender.ranking;

import java.util.List;
import java.util.Map;

import org.precisionrx.ml.feature.Feature;
import org.precisionrx.ml.feature.FeatureKind;
import org.precisionrx.ml.feature.FeatureSpec;

/**
 * The reference input explanations are measured from, in encoded space: every number at the
 * training mean, no condition or co-medication, never smoked, typical (normal-function) genes,
 * and sex and ancestry as an even blend of their categories so that neither is the default.
 * A factor's contribution then says how this patient's value moves the prediction away from that
 * typical patient, which is what a clinician reads "+4 points" as.
 */
final class ReferencePatient {

    private static final Map<String, String> TYPICAL = Map.of(
            "smoking", "NEVER",
            "cyp2c19", "Normal Metabolizer", "cyp2c9", "Normal Metabolizer", "cyp2d6", "Normal Metabolizer",
            "vkorc1", "-1639 GG", "slco1b1", "Normal Function", "abcg2", "Normal Function");

    private ReferencePatient() {
    }

    static float[] encoded(FeatureSpec spec) {
        int width = spec.features().stream().mapToInt(f -> f.columnNames().size()).sum();
        float[] reference = new float[width];
        int column = 0;
        for (Feature feature : spec.features()) {
            int size = feature.columnNames().size();
            if (feature.kind() == FeatureKind.CATEGORICAL) {
                fillCategorical(feature, reference, column);
            }
            column += size;
        }
        return reference;
    }

    private static void fillCategorical(Feature feature, float[] reference, int start) {
        List<String> categories = feature.categories();
        String typical = TYPICAL.get(feature.name());
        if (typical != null && categories.contains(typical)) {
            reference[start + categories.indexOf(typical)] = 1f;
            return;
        }
        long known = categories.stream().filter(c -> !c.equals(feature.unknownCategory())).count();
        for (int i = 0; i < categories.size(); i++) {
            if (!categories.get(i).equals(feature.unknownCategory())) {
                reference[start + i] = 1f / known;
            }
        }
    }
}
