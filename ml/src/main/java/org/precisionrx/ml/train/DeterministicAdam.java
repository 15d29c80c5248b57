package org.precisionrx.ml.train;

/**
 * Adam whose every update happens in Java, in a fixed order, after all gradients of the step are known.
 * TF Java's framework Adam updates the beta powers and the slots as independent graph ops that race,
 * so two runs can differ in the last bits; here the step count lives in Java and the bias correction is
 * computed from it, which makes training bit-reproducible (float arithmetic in Java is fully specified).
 */
public final class DeterministicAdam {
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float[][] m;
    private final float[][] v;
    private long step;

    public DeterministicAdam(double learningRate, double beta1, double beta2, double epsilon, float[][] params) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("invalid Adam hyper-parameters");
        }
        this.learningRate = (float) learningRate;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        this.m = new float[params.length][];
        this.v = new float[params.length][];
        for (int p = 0; p < params.length; p++) {
            m[p] = new float[params[p].length];
            v[p] = new float[params[p].length];
        }
    }

    /** Adam with the usual defaults (beta1 0.9, beta2 0.999, epsilon 1e-7). */
    public static DeterministicAdam withDefaults(double learningRate, float[][] params) {
        return new DeterministicAdam(learningRate, 0.9, 0.999, 1e-7, params);
    }

    /** Applies one update to {@code params} in place, parameter by parameter, element by element. */
    public void step(float[][] params, float[][] grads) {
        if (grads.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " gradient arrays");
        }
        step++;
        // Same formulation as TF's ApplyAdam: lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t).
        float lrT = (float) (learningRate * StrictMath.sqrt(1 - StrictMath.pow(beta2, step))
                / (1 - StrictMath.pow(beta1, step)));
        for (int p = 0; p < params.length; p++) {
            float[] w = params[p];
            float[] g = grads[p];
            float[] mp = m[p];
            float[] vp = v[p];
            if (g.length != w.length) {
                throw new IllegalArgumentException("gradient " + p + " has the wrong size");
            }
            for (int i = 0; i < w.length; i++) {
                mp[i] = beta1 * mp[i] + (1 - beta1) * g[i];
                vp[i] = beta2 * vp[i] + (1 - beta2) * g[i] * g[i];
                w[i] -= lrT * mp[i] / ((float) Math.sqrt(vp[i]) + epsilon);
            }
        }
    }

    public long steps() {
        return step;
    }
}
