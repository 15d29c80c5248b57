package org.precisionrx.ml.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A fully connected network: input -> hidden layers (activation, dropout while training) -> linear output.
 * Parameters are always laid out as [W0, b0, W1, b1, ...], each kernel row-major [in][out].
 */
public record MlpSpec(int inputWidth, List<Integer> hidden, Activation activation, int outputWidth,
                      double dropoutRate) {

    public MlpSpec {
        hidden = List.copyOf(hidden);
        if (inputWidth <= 0 || outputWidth <= 0 || hidden.stream().anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("layer widths must be positive");
        }
        if (!(dropoutRate >= 0 && dropoutRate < 1)) {
            throw new IllegalArgumentException("dropoutRate must be in [0, 1)");
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation is required");
        }
    }

    /** Number of dense layers (hidden layers + output layer). */
    public int layerCount() {
        return hidden.size() + 1;
    }

    /** {in, out} of dense layer {@code i}. */
    public int[] layerShape(int i) {
        int in = i == 0 ? inputWidth : hidden.get(i - 1);
        int out = i == hidden.size() ? outputWidth : hidden.get(i);
        return new int[] {in, out};
    }

    /** Shapes of [W0, b0, W1, b1, ...]. */
    public List<long[]> paramShapes() {
        List<long[]> shapes = new ArrayList<>();
        for (int i = 0; i < layerCount(); i++) {
            int[] s = layerShape(i);
            shapes.add(new long[] {s[0], s[1]});
            shapes.add(new long[] {s[1]});
        }
        return shapes;
    }

    /** Conventional parameter names, used for graph variables: dense0_kernel, dense0_bias, ... */
    public List<String> paramNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < layerCount(); i++) {
            names.add("dense" + i + "_kernel");
            names.add("dense" + i + "_bias");
        }
        return names;
    }
}
