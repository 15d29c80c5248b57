package org.precisionrx.ml.causal;

import java.util.List;
import org.precisionrx.ml.nn.MlpGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The TARNet forward pass in a TF graph, shared by training (parameters are placeholders) and export
 * (parameters are variables), so both compute exactly the same function.
 */
final class TarnetGraph {
    /** Φ [batch, repWidth] and raw head outputs [batch, arms] (logits for BINARY). */
    record Outputs(Operand<TFloat32> phi, Operand<TFloat32> raw) {
    }

    private TarnetGraph() {
    }

    static Outputs build(Ops tf, TarnetSpec spec, Operand<TFloat32> x, List<? extends Operand<TFloat32>> params) {
        if (params.size() != spec.paramCount()) {
            throw new IllegalArgumentException("expected " + spec.paramCount() + " parameter operands");
        }
        int nRep = spec.representationParamCount();
        int nHead = spec.headParamCount();
        Operand<TFloat32> phi = spec.activation().apply(tf,
                MlpGraph.forward(tf, spec.representationMlp(), x, params.subList(0, nRep), null));
        Operand<TFloat32> raw = null;
        for (int a = 0; a < spec.arms(); a++) {
            int from = nRep + a * nHead;
            Operand<TFloat32> h = MlpGraph.forward(tf, spec.headMlp(), phi, params.subList(from, from + nHead), null);
            // [batch,1] x one-hot [1,arms] places head a in column a: exact (x*1 and +0) and uses only
            // MatMul/Add, whose gradients the C++ registry has (unlike some concat variants).
            float[][] place = new float[1][spec.arms()];
            place[0][a] = 1f;
            Operand<TFloat32> column = tf.linalg.matMul(h, tf.constant(place));
            raw = raw == null ? column : tf.math.add(raw, column);
        }
        return new Outputs(phi, raw);
    }
}
