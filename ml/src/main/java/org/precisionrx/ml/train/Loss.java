package org.precisionrx.ml.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A training objective plus the serving transform that goes with it (e.g. sorting quantiles).
 * Graph losses use only ops with C++ gradients (MatMul, Relu, Exp, ...) because TF Java's
 * {@code tf.gradients} relies on the C++ gradient registry.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Loss.Mse.class, name = "mse"),
    @JsonSubTypes.Type(value = PinballLoss.class, name = "pinball"),
    @JsonSubTypes.Type(value = Loss.GaussianNll.class, name = "gaussian_nll")})
public sealed interface Loss permits Loss.Mse, PinballLoss, Loss.GaussianNll {

    /** Network output width this loss needs for targets of width {@code targetWidth}. */
    int outputWidth(int targetWidth);

    /** Scalar loss for raw outputs [batch, out] and targets [batch, targetWidth]. */
    Operand<TFloat32> build(Ops tf, Operand<TFloat32> outputs, Operand<TFloat32> targets);

    /** Graph transform from raw outputs to served outputs (identity unless overridden). */
    default Operand<TFloat32> serve(Ops tf, Operand<TFloat32> raw) {
        return raw;
    }

    /** Plain-Java twin of {@link #serve(Ops, Operand)} for one row, in place. */
    default void serve(float[] row) {
    }

    /** Mean squared error over all outputs. */
    record Mse() implements Loss {
        @Override
        public int outputWidth(int targetWidth) {
            return targetWidth;
        }

        @Override
        public Operand<TFloat32> build(Ops tf, Operand<TFloat32> outputs, Operand<TFloat32> targets) {
            return tf.math.mean(tf.math.squaredDifference(outputs, targets), tf.constant(new int[] {0, 1}));
        }
    }

    /**
     * Gaussian negative log-likelihood for one target; outputs are [mean, log-variance].
     * Predicting log-variance keeps the variance positive without a constrained parameter.
     */
    record GaussianNll() implements Loss {
        @Override
        public int outputWidth(int targetWidth) {
            if (targetWidth != 1) {
                throw new IllegalArgumentException("GaussianNll needs exactly one target column");
            }
            return 2;
        }

        @Override
        public Operand<TFloat32> build(Ops tf, Operand<TFloat32> outputs, Operand<TFloat32> targets) {
            // Column selection by matmul keeps to ops whose gradients exist in the C++ registry.
            Operand<TFloat32> mean = tf.linalg.matMul(outputs, tf.constant(new float[][] {{1f}, {0f}}));
            Operand<TFloat32> logVar = tf.linalg.matMul(outputs, tf.constant(new float[][] {{0f}, {1f}}));
            Operand<TFloat32> sq = tf.math.squaredDifference(targets, mean);
            Operand<TFloat32> perRow = tf.math.add(logVar, tf.math.mul(sq, tf.math.exp(tf.math.neg(logVar))));
            Operand<TFloat32> half = tf.constant(0.5f);
            Operand<TFloat32> nll = tf.math.mul(half, tf.math.mean(perRow, tf.constant(new int[] {0, 1})));
            return tf.math.add(nll, tf.constant((float) (0.5 * Math.log(2 * Math.PI))));
        }
    }
}
