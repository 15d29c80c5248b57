package org.precisionrx.ml.train;

import java.util.Random;

/** Seeded synthetic data sets for the tests. */
public final class Synthetic {
    public final float[][] x;
    public final float[][] y;

    private Synthetic(float[][] x, float[][] y) {
        this.x = x;
        this.y = y;
    }

    /** y = 3*x1 - 2*x2 + N(0, 0.1^2), x ~ U(-1, 1). */
    public static Synthetic linear(int rows, long seed) {
        Random rng = new Random(seed);
        float[][] x = new float[rows][2];
        float[][] y = new float[rows][1];
        for (int i = 0; i < rows; i++) {
            x[i][0] = (float) (rng.nextDouble() * 2 - 1);
            x[i][1] = (float) (rng.nextDouble() * 2 - 1);
            y[i][0] = (float) (3 * x[i][0] - 2 * x[i][1] + 0.1 * rng.nextGaussian());
        }
        return new Synthetic(x, y);
    }

    /** Heteroscedastic: y = 2*x + (0.2 + |x|) * N(0, 1), x ~ U(-1, 1). */
    public static Synthetic heteroscedastic(int rows, long seed) {
        Random rng = new Random(seed);
        float[][] x = new float[rows][1];
        float[][] y = new float[rows][1];
        for (int i = 0; i < rows; i++) {
            double v = rng.nextDouble() * 2 - 1;
            x[i][0] = (float) v;
            y[i][0] = (float) (2 * v + (0.2 + Math.abs(v)) * rng.nextGaussian());
        }
        return new Synthetic(x, y);
    }

    public Synthetic head(int n) {
        return new Synthetic(java.util.Arrays.copyOfRange(x, 0, n), java.util.Arrays.copyOfRange(y, 0, n));
    }

    public Synthetic tail(int from) {
        return new Synthetic(java.util.Arrays.copyOfRange(x, from, x.length),
                java.util.Arrays.copyOfRange(y, from, y.length));
    }
}
