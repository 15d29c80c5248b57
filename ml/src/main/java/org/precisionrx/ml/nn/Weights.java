package org.precisionrx.ml.nn;

import java.util.List;

/** Weight arrays in a fixed parameter order: shape checks and defensive copies, shared by every model record. */
public final class Weights {

    private Weights() {
    }

    /** A copy of {@code weights} after checking it has one array per shape, each of the right size. */
    public static float[][] checkedCopy(List<long[]> shapes, float[][] weights) {
        if (weights.length != shapes.size()) {
            throw new IllegalArgumentException("expected " + shapes.size() + " weight arrays");
        }
        for (int i = 0; i < weights.length; i++) {
            long[] s = shapes.get(i);
            long size = s.length == 1 ? s[0] : s[0] * s[1];
            if (weights[i].length != size) {
                throw new IllegalArgumentException("weight array " + i + " should have " + size + " values");
            }
        }
        return copy(weights);
    }

    public static float[][] copy(float[][] source) {
        float[][] out = new float[source.length][];
        for (int i = 0; i < source.length; i++) {
            out[i] = source[i].clone();
        }
        return out;
    }
}
