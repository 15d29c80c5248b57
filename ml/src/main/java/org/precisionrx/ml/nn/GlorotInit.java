package org.precisionrx.ml.nn;

import java.util.List;
import java.util.Random;

/**
 * Seeded Glorot-uniform kernels and zero biases, generated in Java. {@link Random} is fully specified by
 * the JDK, so the same seed gives the same initial weights on every JDK and machine.
 */
public final class GlorotInit {
    private GlorotInit() {
    }

    public static float[][] init(MlpSpec spec, long seed) {
        Random rng = new Random(seed);
        List<long[]> shapes = spec.paramShapes();
        float[][] params = new float[shapes.size()][];
        for (int p = 0; p < shapes.size(); p++) {
            long[] s = shapes.get(p);
            if (s.length == 1) {
                params[p] = new float[(int) s[0]];
                continue;
            }
            double limit = StrictMath.sqrt(6.0 / (s[0] + s[1]));
            float[] w = new float[(int) (s[0] * s[1])];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
            }
            params[p] = w;
        }
        return params;
    }
}
