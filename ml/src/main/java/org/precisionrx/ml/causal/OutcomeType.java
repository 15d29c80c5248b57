package org.precisionrx.ml.causal;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a head predicts. BINARY heads output logits (trained with a logistic loss, served as
 * probabilities); CONTINUOUS heads output values (trained with squared error, served as is).
 * Graph and plain-Java transforms sit side by side so they cannot drift.
 */
public enum OutcomeType {
    BINARY, CONTINUOUS;

    /** Per-element loss [batch, arms] of raw outputs against targets [batch, 1] (broadcast over arms). */
    Operand<TFloat32> elementLoss(Ops tf, Operand<TFloat32> raw, Operand<TFloat32> y) {
        return switch (this) {
            // Stable logistic loss: max(l, 0) - l*y + log(1 + exp(-|l|)); only ops with C++ gradients.
            case BINARY -> tf.math.add(tf.math.sub(tf.nn.relu(raw), tf.math.mul(raw, y)),
                    tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(raw)))));
            case CONTINUOUS -> tf.math.squaredDifference(raw, y);
        };
    }

    /** Raw head outputs to served outcomes (sigmoid for BINARY). */
    public Operand<TFloat32> serve(Ops tf, Operand<TFloat32> raw) {
        return this == BINARY ? tf.math.sigmoid(raw) : raw;
    }

    public double serve(double raw) {
        return this == BINARY ? 1 / (1 + Math.exp(-raw)) : raw;
    }
}
