package org.precisionrx.ml.causal;

import org.precisionrx.ml.io.Sha256;
import org.precisionrx.ml.nn.Weights;
import org.precisionrx.ml.train.TrainingHistory;

/**
 * One trained multi-arm network: architecture, weights in {@link TarnetSpec#paramShapes()} order and the
 * training history. Weights are copied in and out, so the network cannot change after training.
 */
public record MultiArmNet(TarnetSpec spec, float[][] weights, long seed, TrainingHistory history) {

    public MultiArmNet {
        weights = Weights.checkedCopy(spec.paramShapes(), weights);
    }

    @Override
    public float[][] weights() {
        return Weights.copy(weights);
    }

    /** SHA-256 over the weights in parameter order, little-endian float32 (as TrainedModel.weightsSha256). */
    public String weightsSha256() {
        return Sha256.ofFloats(weights);
    }
}
