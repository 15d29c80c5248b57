package org.precisionrx.recommender.model;

import java.util.List;
import java.util.Optional;

import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.feature.FeatureSpec;

/**
 * A multi-arm outcome model: the expected outcome of every treatment arm for a patient, from every
 * ensemble member, in one batched call.
 */
public interface ArmModel extends AutoCloseable {

    /** Arm ids (drug ids), in output order. */
    List<String> arms();

    String version();

    /** sha256 of the served artifact, as its model card records it. */
    String sha256();

    FeatureSpec featureSpec();

    /** The card the model was trained with; empty for a model published without one. */
    Optional<ModelCard> modelCard();

    /**
     * {@code <model name>@<version>}: the one id responses give this model's card (Recommend's
     * {@code model_card_id}, GetModelCards' ids), so that clients can match them.
     */
    default String cardId() {
        // The card's own name tells the benefit and adverse-event models of an indication apart.
        return modelCard().map(card -> card.name() + "@" + card.version()).orElse(featureSpec().name() + "@" + version());
    }

    /** @return [patient][member][arm] outcome probabilities */
    double[][][] predict(float[][] encoded);

    /**
     * Integrated-gradients attributions of the ensemble-mean outcome of each of {@code arms}, per
     * encoded column ([arm][column], in the order of {@code arms}); each sums to f(x) - f(baseline)
     * up to the integration error. One model call for all of them.
     */
    float[][] attributions(float[] encoded, float[] baseline, int[] arms, int steps);

    @Override
    void close();
}
