package org.precisionrx.ml.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Builds the forward pass in a TF graph. The parameters are passed in as operands, so the same builder
 * serves training (placeholders fed from Java) and export (variables restored from the SavedModel).
 */
public final class MlpGraph {
    private MlpGraph() {
    }

    /**
     * @param x input [batch, inputWidth]
     * @param params [W0, b0, W1, b1, ...] as laid out by {@link MlpSpec#paramShapes()}
     * @param dropoutMasks one [batch, hidden_i] mask per hidden layer (values 0 or 1/(1-rate)),
     *                     or null for inference
     * @return raw outputs [batch, outputWidth]
     */
    public static Operand<TFloat32> forward(Ops tf, MlpSpec spec, Operand<TFloat32> x,
                                            List<? extends Operand<TFloat32>> params,
                                            List<? extends Operand<TFloat32>> dropoutMasks) {
        if (params.size() != 2 * spec.layerCount()) {
            throw new IllegalArgumentException("expected " + 2 * spec.layerCount() + " parameter operands");
        }
        Operand<TFloat32> h = x;
        for (int i = 0; i < spec.layerCount(); i++) {
            h = tf.math.add(tf.linalg.matMul(h, params.get(2 * i)), params.get(2 * i + 1));
            if (i < spec.hidden().size()) {
                h = spec.activation().apply(tf, h);
                if (dropoutMasks != null) {
                    // Masks come from a seeded Java RNG: deterministic, unlike stateful TF random ops.
                    h = tf.math.mul(h, dropoutMasks.get(i));
                }
            }
        }
        return h;
    }
}
