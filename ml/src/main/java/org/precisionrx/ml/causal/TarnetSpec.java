package org.precisionrx.ml.causal;

import java.util.ArrayList;
import java.util.List;
import org.precisionrx.ml.nn.Activation;
import org.precisionrx.ml.nn.MlpSpec;

/**
 * TARNet architecture: a shared representation Φ(x) = act(MLP(x)) with {@code representation} layer
 * widths (the last one is the width of Φ), then one head MLP per arm with {@code head} hidden widths and
 * one raw output (logit or value). Parameters are laid out as [representation W0, b0, ..., head 0 W0,
 * b0, ..., head 1 ...], which is also the order of the weights hash.
 */
public record TarnetSpec(int inputWidth, List<Integer> representation, List<Integer> head, Activation activation,
                         int arms, OutcomeType outcomeType) {

    public TarnetSpec {
        representation = List.copyOf(representation);
        head = List.copyOf(head);
        if (representation.isEmpty()) {
            throw new IllegalArgumentException("the representation needs at least one layer");
        }
        if (arms < 2) {
            throw new IllegalArgumentException("need at least two arms, got " + arms);
        }
        if (activation == null || outcomeType == null) {
            throw new IllegalArgumentException("activation and outcome type are required");
        }
        // Validates widths (the compact constructor has not assigned the fields yet).
        new MlpSpec(inputWidth, representation, activation, 1, 0);
        new MlpSpec(representation.get(representation.size() - 1), head, activation, 1, 0);
    }

    /** Φ before its final activation (MlpGraph leaves the output layer linear). */
    public MlpSpec representationMlp() {
        int n = representation.size();
        return new MlpSpec(inputWidth, representation.subList(0, n - 1), activation, representation.get(n - 1), 0);
    }

    public int representationWidth() {
        return representation.get(representation.size() - 1);
    }

    public MlpSpec headMlp() {
        return new MlpSpec(representationWidth(), head, activation, 1, 0);
    }

    /** Number of parameter arrays of the representation (the heads follow). */
    public int representationParamCount() {
        return 2 * representationMlp().layerCount();
    }

    public int headParamCount() {
        return 2 * headMlp().layerCount();
    }

    public int paramCount() {
        return representationParamCount() + arms * headParamCount();
    }

    public List<long[]> paramShapes() {
        List<long[]> shapes = new ArrayList<>(representationMlp().paramShapes());
        for (int a = 0; a < arms; a++) {
            shapes.addAll(headMlp().paramShapes());
        }
        return shapes;
    }

    /** Variable names with a prefix (e.g. "m0_"): rep_dense0_kernel, ..., head1_dense0_bias, ... */
    public List<String> paramNames(String prefix) {
        List<String> names = new ArrayList<>();
        representationMlp().paramNames().forEach(n -> names.add(prefix + "rep_" + n));
        for (int a = 0; a < arms; a++) {
            for (String n : headMlp().paramNames()) {
                names.add(prefix + "head" + a + "_" + n);
            }
        }
        return names;
    }
}
