package org.precisionrx.ml.causal;

import org.precisionrx.ml.io.Sha256;
import org.precisionrx.ml.train.TrainingHistory;

/**
 * One trained multi-arm network: architecture, weights in {@link TarnetSpec#paramShapes()} order and the
 * training history. Weights are copied in and out, so the network cannot change after training.
 */
public record MultiArmNet(TarnetSpec spec, float[][] weights, long seed, TrainingHistory history) {

    public MultiArmNet {
        var shapes = spec.paramShapes();
        if (weights.length != shapes.size()) {
            throw new IllegalArgumentException("expected " + shapes.size() + " weight arrays");
        }
        for (int i = 0; i < weights.length; i++) {
            long[] s = shapes.get(i);
            long size = s.length == 1 ? s[0] : s[0] * s[1];
            if (weights[i].length != size) {
                throw new IllegalArgumentException("weight array " + i + " should have " + size + " values");
            }
        }
        weights = copy(weights);
    }

    @Override
    public float[][] weights() {
        return copy(weights);
    }

    /** SHA-256 over the weights in parameter order, little-endian float32 (as TrainedModel.weightsSha256). */
    public String weightsSha256() {
        return Sha256.ofFloats(weights);
    }

    static float[][] copy(float[][] source) {
        float[][] out = new float[source.length][];
        for (int i = 0; i < source.length; i++) {
            out[i] = source[i].clone();
        }
        return out;
    }
}
