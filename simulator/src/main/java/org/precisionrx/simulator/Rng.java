package org.precisionrx.simulator;

import java.util.SplittableRandom;

/**
 * Sampling helpers on a seeded {@link SplittableRandom}. Only StrictMath is used, so the same seed gives
 * bit-identical numbers on every JVM (Math.exp/log may be intrinsified differently).
 */
final class Rng {

    private Rng() {
    }

    /** Standard normal by Box-Muller (one draw per call; two uniforms consumed). */
    static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble(); // (0, 1]
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    static double normal(SplittableRandom r, double mean, double sd, double min, double max) {
        return clamp(mean + sd * gaussian(r), min, max);
    }

    static boolean bernoulli(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Index drawn with the given probabilities (they need not sum exactly to 1; the last absorbs rounding). */
    static int categorical(SplittableRandom r, double[] p) {
        double u = r.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length - 1; i++) {
            acc += p[i];
            if (u < acc) {
                return i;
            }
        }
        return p.length - 1;
    }

    static double logistic(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    static double logit(double p) {
        return StrictMath.log(p / (1.0 - p));
    }

    static double clamp(double x, double min, double max) {
        return Math.max(min, Math.min(max, x));
    }
}
