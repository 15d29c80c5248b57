package org.precisionrx.ml.train;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Pinball (quantile) loss for one target and K increasing quantiles; output k predicts quantile k.
 * A penalty on crossings (out_k > out_{k+1}) discourages them in training, and serving sorts each row
 * so the served quantiles are always monotone.
 */
public record PinballLoss(List<Double> quantiles, double crossingPenalty) implements Loss {

    public PinballLoss {
        quantiles = List.copyOf(quantiles);
        for (int i = 0; i < quantiles.size(); i++) {
            double q = quantiles.get(i);
            if (!(q > 0 && q < 1) || (i > 0 && q <= quantiles.get(i - 1))) {
                throw new IllegalArgumentException("quantiles must be strictly increasing in (0, 1): " + quantiles);
            }
        }
        if (quantiles.isEmpty() || crossingPenalty < 0) {
            throw new IllegalArgumentException("need at least one quantile and a non-negative penalty");
        }
    }

    public static PinballLoss of(double... quantiles) {
        return new PinballLoss(Arrays.stream(quantiles).boxed().toList(), 1.0);
    }

    @Override
    public int outputWidth(int targetWidth) {
        if (targetWidth != 1) {
            throw new IllegalArgumentException("PinballLoss needs exactly one target column");
        }
        return quantiles.size();
    }

    @Override
    public Operand<TFloat32> build(Ops tf, Operand<TFloat32> outputs, Operand<TFloat32> targets) {
        int k = quantiles.size();
        float[] q = new float[k];
        for (int i = 0; i < k; i++) {
            q[i] = quantiles.get(i).floatValue();
        }
        Operand<TInt32> axes = tf.constant(new int[] {0, 1});
        // max(q*e, (q-1)*e) == q*e + relu(-e), with e = y - out (broadcast [batch,1] against [batch,K]).
        Operand<TFloat32> e = tf.math.sub(targets, outputs);
        Operand<TFloat32> pinball = tf.math.add(tf.math.mul(tf.constant(q), e), tf.nn.relu(tf.math.neg(e)));
        Operand<TFloat32> loss = tf.math.mean(pinball, axes);
        if (k > 1 && crossingPenalty > 0) {
            float[][] diff = new float[k][k - 1]; // column j = out_j - out_{j+1}
            for (int j = 0; j < k - 1; j++) {
                diff[j][j] = 1f;
                diff[j + 1][j] = -1f;
            }
            Operand<TFloat32> crossing = tf.nn.relu(tf.linalg.matMul(outputs, tf.constant(diff)));
            loss = tf.math.add(loss, tf.math.mul(tf.constant((float) crossingPenalty), tf.math.mean(crossing, axes)));
        }
        return loss;
    }

    @Override
    public Operand<TFloat32> serve(Ops tf, Operand<TFloat32> raw) {
        // TopK sorts descending; negate twice for ascending quantiles.
        var top = tf.nn.topK(tf.math.neg(raw), tf.constant(quantiles.size()), new TopK.Options[0]);
        return tf.math.neg(top.values());
    }

    @Override
    public void serve(float[] row) {
        Arrays.sort(row);
    }
}
