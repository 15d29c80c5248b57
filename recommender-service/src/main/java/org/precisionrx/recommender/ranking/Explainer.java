package org.precisionrx.recommender.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.precisionrx.ml.feature.Feature;
import org.precisionrx.recommender.model.ArmModel;
import org.precisionrx.recommender.v1.Contribution;

/**
 * Explains one option's predicted benefit with integrated gradients against a typical reference
 * patient ({@link ReferencePatient}), summed back from encoded columns to the patient facts they
 * came from. Sizes are percentage points of predicted benefit, so the whole set sums to the
 * prediction minus the reference patient's prediction.
 */
final class Explainer {

    private Explainer() {
    }

    /** Every feature's contribution per arm (in the order of {@code arms}), largest first; one model call for all. */
    static List<List<Contribution>> explain(ArmModel model, Map<String, String> raw, float[] encoded, int[] arms, int steps) {
        if (arms.length == 0) {
            return List.of();
        }
        float[] baseline = ReferencePatient.encoded(model.featureSpec());
        float[][] perArm = model.attributions(encoded, baseline, arms, steps);
        List<List<Contribution>> explanations = new ArrayList<>();
        for (float[] columns : perArm) {
            explanations.add(contributions(model, raw, columns));
        }
        return explanations;
    }

    private static List<Contribution> contributions(ArmModel model, Map<String, String> raw, float[] columns) {
        List<Contribution> contributions = new ArrayList<>();
        int column = 0;
        for (Feature feature : model.featureSpec().features()) {
            double sum = 0;
            for (int i = 0; i < feature.columnNames().size(); i++) {
                sum += columns[column++];
            }
            String value = raw.get(feature.name());
            contributions.add(Contribution.newBuilder()
                    .setFeature(FactorWords.describe(feature.name(), value))
                    .setValue(value == null ? "NA" : value)
                    .setContribution(sum * 100.0)
                    .build());
        }
        contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.getContribution())));
        return contributions;
    }

    /** The reference patient's prediction, in percentage points. */
    static double reference(ArmModel model, int arm) {
        double[][] members = model.predict(new float[][] {ReferencePatient.encoded(model.featureSpec())})[0];
        return Estimates.of(members, arm).mean() * 100.0;
    }
}
