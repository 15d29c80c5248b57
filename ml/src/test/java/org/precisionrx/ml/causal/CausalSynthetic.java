package org.precisionrx.ml.causal;

import java.util.Random;

/**
 * Seeded 3-arm cohort with known potential outcomes and confounded assignment. Features x1, x2 ~ U(-1, 1)
 * drive both the outcome and the propensity; x3, x4 are noise. True outcome probabilities:
 * arm 0: sigmoid(-0.5 + x1), arm 1: sigmoid(0.3 - x1 + x2 + 2 x1 x2), arm 2: sigmoid(-0.2 + 1.5 x2 - 2 x1 x2),
 * so the best arm changes across the feature space. Assignment: softmax(0, 1.5 x1, 1.5 x2).
 */
final class CausalSynthetic {
    final float[][] x;
    final int[] arm;
    final float[] y;
    final double[][] mu;

    private CausalSynthetic(int rows) {
        x = new float[rows][4];
        arm = new int[rows];
        y = new float[rows];
        mu = new double[rows][3];
    }

    static CausalSynthetic binary(int rows, long seed) {
        Random rng = new Random(seed);
        CausalSynthetic d = new CausalSynthetic(rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 4; j++) {
                d.x[i][j] = (float) (rng.nextDouble() * 2 - 1);
            }
            double x1 = d.x[i][0];
            double x2 = d.x[i][1];
            d.mu[i][0] = sigmoid(-0.5 + x1);
            d.mu[i][1] = sigmoid(0.3 - x1 + x2 + 2 * x1 * x2);
            d.mu[i][2] = sigmoid(-0.2 + 1.5 * x2 - 2 * x1 * x2);
            double[] logits = {0, 1.5 * x1, 1.5 * x2};
            double z = Math.exp(logits[0]) + Math.exp(logits[1]) + Math.exp(logits[2]);
            double u = rng.nextDouble() * z;
            d.arm[i] = u < Math.exp(logits[0]) ? 0 : u < Math.exp(logits[0]) + Math.exp(logits[1]) ? 1 : 2;
            d.y[i] = rng.nextDouble() < d.mu[i][d.arm[i]] ? 1f : 0f;
        }
        return d;
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
