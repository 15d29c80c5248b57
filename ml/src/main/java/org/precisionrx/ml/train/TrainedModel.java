package org.precisionrx.ml.train;

import org.precisionrx.ml.io.Sha256;
import org.precisionrx.ml.nn.MlpSpec;

/**
 * The result of training: architecture, objective, weights [W0, b0, W1, b1, ...] and history.
 * Weights are copied in and out, so a model cannot be changed after training.
 */
public record TrainedModel(MlpSpec spec, Loss loss, float[][] weights, TrainingHistory history) {

    public TrainedModel {
        var shapes = spec.paramShapes();
        if (weights.length != shapes.size()) {
            throw new IllegalArgumentException("expected " + shapes.size() + " weight arrays");
        }
        for (int i = 0; i < weights.length; i++) {
            long size = shapes.get(i).length == 1 ? shapes.get(i)[0] : shapes.get(i)[0] * shapes.get(i)[1];
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

    /** SHA-256 over the weights in [W0, b0, W1, b1, ...] order, little-endian float32 bytes. */
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
