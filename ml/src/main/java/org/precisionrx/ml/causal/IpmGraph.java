package org.precisionrx.ml.causal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.precisionrx.ml.nn.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The IPM penalty on Φ [n, d] of a mini-batch, "arm a vs all other arms", averaged over the arms with
 * rows on both sides. Batch-dependent weights are computed in Java and fed, so the graph only needs
 * MatMul/Mul/Sum/Exp/Reshape/Transpose, whose gradients the C++ registry (used by TF Java) has:
 * <ul>
 *   <li>MMD (linear and RBF): with signed weights D[i,a] = 1/n_a for rows of arm a and -1/(n-n_a)
 *       otherwise, MMD²_a = D_a' K D_a: K = ΦΦ' gives ||mean_a Φ - mean_rest Φ||², K = exp(-||φi-φj||²/2σ²)
 *       the biased RBF estimate.</li>
 *   <li>WASS (sliced Wasserstein-2²): Φ is projected on P seeded unit directions; Java sorts each
 *       group's projections and feeds a signed selection S[p, a*K+k, i] of the k-th quantile (level
 *       (k+0.5)/K) of arm a (+1) and of the rest (-1); the penalty is the mean over p, k of (S·z)². Sorting
 *       is piecewise a fixed permutation, so this is the exact gradient of the sort-based estimate.</li>
 * </ul>
 */
final class IpmGraph {
    static final int DIRECTIONS = 16;
    static final int QUANTILES = 16;
    private static final long DIRECTION_SALT = 0x5EED_0101L;

    private final Ipm kind;
    private final int arms;
    private final Placeholder<TFloat32> signedWeights; // MMD: [n, arms]; WASS: [P, arms*K, n]
    private final Placeholder<TFloat32> armWeights;    // MMD: [arms]; WASS: [arms*K]
    final Operand<TFloat32> projections;              // WASS only: z = Φ V [n, P]
    final Operand<TFloat32> penalty;

    IpmGraph(Ops tf, Ipm kind, Operand<TFloat32> phi, int arms, int repWidth, double sigma, long seed) {
        if (kind == Ipm.NONE) {
            throw new IllegalArgumentException("no graph for Ipm.NONE");
        }
        this.kind = kind;
        this.arms = arms;
        if (kind == Ipm.WASS) {
            signedWeights = tf.withName("ipm_select").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(DIRECTIONS, (long) arms * QUANTILES, -1)));
            armWeights = tf.withName("ipm_weights").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of((long) arms * QUANTILES)));
            projections = tf.linalg.matMul(phi, tf.constant(directions(repWidth, seed)));
            var zT = tf.reshape(tf.linalg.transpose(projections, tf.constant(new int[] {1, 0})),
                    tf.constant(new int[] {DIRECTIONS, 1, -1}));
            var diff = tf.reduceSum(tf.math.mul(signedWeights, zT), tf.constant(2)); // [P, arms*K]
            penalty = tf.reduceSum(tf.math.mul(tf.math.square(diff), armWeights), tf.constant(new int[] {0, 1}));
            return;
        }
        signedWeights = tf.withName("ipm_signed").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, arms)));
        armWeights = tf.withName("ipm_weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(arms)));
        projections = null;
        Operand<TFloat32> perArm;
        if (kind == Ipm.MMD_LINEAR) {
            var meanDiff = tf.linalg.matMul(signedWeights, phi, org.tensorflow.op.linalg.MatMul.transposeA(true));
            perArm = tf.reduceSum(tf.math.square(meanDiff), tf.constant(1)); // [arms]
        } else {
            var sq = tf.reduceSum(tf.math.square(phi), tf.constant(1), org.tensorflow.op.core.ReduceSum.keepDims(true));
            var cross = tf.linalg.matMul(phi, phi, org.tensorflow.op.linalg.MatMul.transposeB(true));
            var dist = tf.math.sub(tf.math.add(sq, tf.reshape(sq, tf.constant(new int[] {1, -1}))),
                    tf.math.mul(tf.constant(2f), cross));
            var kernel = tf.math.exp(tf.math.mul(tf.constant((float) (-1 / (2 * sigma * sigma))), dist));
            perArm = tf.reduceSum(tf.math.mul(signedWeights, tf.linalg.matMul(kernel, signedWeights)), tf.constant(0));
        }
        penalty = tf.reduceSum(tf.math.mul(perArm, armWeights), tf.constant(0));
    }

    boolean needsProjections() {
        return kind == Ipm.WASS;
    }

    /** Feeds the batch-dependent weights; {@code z} (projections of this batch) is required for WASS. */
    void feed(Session.Runner runner, int[] armOfRow, float[][] z, List<Tensor> owned) {
        int n = armOfRow.length;
        int[] count = new int[arms];
        for (int a : armOfRow) {
            count[a]++;
        }
        boolean[] valid = new boolean[arms];
        int nValid = 0;
        for (int a = 0; a < arms; a++) {
            valid[a] = count[a] > 0 && count[a] < n;
            nValid += valid[a] ? 1 : 0;
        }
        float armWeight = nValid == 0 ? 0f : 1f / nValid;
        TFloat32 signed;
        TFloat32 weights;
        if (kind == Ipm.WASS) {
            int m = arms * QUANTILES;
            float[] select = new float[DIRECTIONS * m * n];
            float[] w = new float[m];
            for (int a = 0; a < arms; a++) {
                if (!valid[a]) {
                    continue;
                }
                final int arm = a;
                int[] in = IntStream.range(0, n).filter(i -> armOfRow[i] == arm).toArray();
                int[] out = IntStream.range(0, n).filter(i -> armOfRow[i] != arm).toArray();
                for (int p = 0; p < DIRECTIONS; p++) {
                    int[] sortedIn = sortBy(in, z, p);
                    int[] sortedOut = sortBy(out, z, p);
                    for (int k = 0; k < QUANTILES; k++) {
                        int base = (p * m + a * QUANTILES + k) * n;
                        select[base + sortedIn[quantileIndex(k, sortedIn.length)]] += 1f;
                        select[base + sortedOut[quantileIndex(k, sortedOut.length)]] -= 1f;
                    }
                }
                Arrays.fill(w, a * QUANTILES, (a + 1) * QUANTILES, armWeight / (DIRECTIONS * QUANTILES));
            }
            signed = Tensors.of(select, new long[] {DIRECTIONS, m, n});
            weights = Tensors.of(w, new long[] {m});
        } else {
            float[] d = new float[n * arms];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < arms; a++) {
                    if (valid[a]) {
                        d[i * arms + a] = armOfRow[i] == a ? 1f / count[a] : -1f / (n - count[a]);
                    }
                }
            }
            float[] w = new float[arms];
            for (int a = 0; a < arms; a++) {
                w[a] = valid[a] ? armWeight : 0f;
            }
            signed = Tensors.of(d, new long[] {n, arms});
            weights = Tensors.of(w, new long[] {arms});
        }
        owned.add(signed);
        owned.add(weights);
        runner.feed(signedWeights, signed).feed(armWeights, weights);
    }

    /** Index of quantile level (k + 0.5) / K in a sorted group of size m. */
    private static int quantileIndex(int k, int m) {
        return Math.min(m - 1, (int) ((k + 0.5) / QUANTILES * m));
    }

    /** Rows sorted by projection p; ties keep row order, so the result is deterministic. */
    private static int[] sortBy(int[] rows, float[][] z, int p) {
        return Arrays.stream(rows).boxed().sorted(Comparator.comparingDouble(i -> z[i][p]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Seeded unit directions [d, P] (Gaussian columns, normalised). */
    static float[][] directions(int d, long seed) {
        Random rng = new Random(seed ^ DIRECTION_SALT);
        float[][] v = new float[d][DIRECTIONS];
        for (int p = 0; p < DIRECTIONS; p++) {
            double[] col = new double[d];
            double norm = 0;
            for (int j = 0; j < d; j++) {
                col[j] = rng.nextGaussian();
                norm += col[j] * col[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                v[j][p] = (float) (col[j] / norm);
            }
        }
        return v;
    }
}
