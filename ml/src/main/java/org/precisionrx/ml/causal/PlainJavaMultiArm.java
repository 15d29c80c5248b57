package org.precisionrx.ml.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.precisionrx.ml.serve.PlainJavaMlp;
import org.precisionrx.ml.train.Loss;

/**
 * The ensemble's forward pass in plain Java (representation and heads via {@link PlainJavaMlp}), for
 * cross-checks against the SavedModel and cheap single-row serving. Immutable and thread-safe.
 */
public final class PlainJavaMultiArm {
    private final TarnetSpec spec;
    private final List<PlainJavaMlp> representations = new ArrayList<>();
    private final List<List<PlainJavaMlp>> heads = new ArrayList<>();

    public PlainJavaMultiArm(TarnetSpec spec, List<float[][]> memberWeights) {
        this.spec = spec;
        int nRep = spec.representationParamCount();
        int nHead = spec.headParamCount();
        for (float[][] w : memberWeights) {
            new MultiArmNet(spec, w, 0, null); // validates shapes
            representations.add(new PlainJavaMlp(spec.representationMlp(), new Loss.Mse(),
                    Arrays.copyOfRange(w, 0, nRep)));
            List<PlainJavaMlp> memberHeads = new ArrayList<>();
            for (int a = 0; a < spec.arms(); a++) {
                memberHeads.add(new PlainJavaMlp(spec.headMlp(), new Loss.Mse(),
                        Arrays.copyOfRange(w, nRep + a * nHead, nRep + (a + 1) * nHead)));
            }
            heads.add(memberHeads);
        }
    }

    public static PlainJavaMultiArm of(MultiArmEnsemble ensemble) {
        return new PlainJavaMultiArm(ensemble.spec(), ensemble.members().stream().map(MultiArmNet::weights).toList());
    }

    public int members() {
        return representations.size();
    }

    /** Served outcomes [members][arms] for one encoded row. */
    public double[][] predict(float[] x) {
        double[][] out = new double[members()][spec.arms()];
        for (int m = 0; m < members(); m++) {
            float[] phi = representations.get(m).predict(x);
            for (int j = 0; j < phi.length; j++) {
                phi[j] = (float) spec.activation().apply(phi[j]);
            }
            for (int a = 0; a < spec.arms(); a++) {
                out[m][a] = spec.outcomeType().serve(heads.get(m).get(a).predict(phi)[0]);
            }
        }
        return out;
    }

    public double[][][] predict(float[][] x) {
        double[][][] out = new double[x.length][][];
        for (int i = 0; i < x.length; i++) {
            out[i] = predict(x[i]);
        }
        return out;
    }

    /** Ensemble-mean outcome per arm for one row. */
    public double[] mean(float[] x) {
        double[][] p = predict(x);
        double[] mean = new double[spec.arms()];
        for (double[] member : p) {
            for (int a = 0; a < mean.length; a++) {
                mean[a] += member[a] / p.length;
            }
        }
        return mean;
    }
}
