package org.precisionrx.ml.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Hidden-layer activations, with the TF op and the plain-Java function side by side so they cannot drift. */
public enum Activation {
    RELU, TANH;

    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
        return switch (this) {
            case RELU -> tf.nn.relu(x);
            case TANH -> tf.math.tanh(x);
        };
    }

    public double apply(double x) {
        return switch (this) {
            case RELU -> x > 0 ? x : 0;
            case TANH -> Math.tanh(x);
        };
    }
}
