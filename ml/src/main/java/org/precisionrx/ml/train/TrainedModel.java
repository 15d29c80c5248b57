package org.precisionrx.ml.train;

import org.precisionrx.ml.io.Sha256;
import org.precisionrx.ml.nn.Weights;
import org.precisionrx.ml.nn.MlpSpec;

/**
 * The result of training: architecture, objective, weights [W0, b0, W1, b1, ...] and history.
 * Weights are copied in and out, so a model cannot be changed after training.
 */
public record TrainedModel(MlpSpec spec, Loss loss, float[][] weights, TrainingHistory history) {

    public TrainedModel {
        weights = Weights.checkedCopy(spec.paramShapes(), weights);
    }

    @Override
    public float[][] weights() {
        return Weights.copy(weights);
    }

    /** SHA-256 over the weights in [W0, b0, W1, b1, ...] order, little-endian float32 bytes. */
    public String weightsSha256() {
        return Sha256.ofFloats(weights);
    }
}
