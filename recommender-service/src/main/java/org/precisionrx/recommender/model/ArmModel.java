package org.precisionrx.recommender.model;

import java.util.List;

import org.precisionrx.ml.feature.FeatureSpec;

/**
 * A multi-arm outcome model: the expected outcome of every treatment arm for a patient, from every
 * ensemble member, in one batched call.
 */
public interface ArmModel extends AutoCloseable {

    /** Arm ids (drug ids), in output order. */
    List<String> arms();

    String version();

    /** sha256 of the served artifact, as its model card records it. */
    String sha256();

    FeatureSpec featureSpec();

    /** @return [patient][member][arm] outcome probabilities */
    double[][][] predict(float[][] encoded);

    /**
     * Integrated-gradients attributions of the ensemble-mean outcome of one arm, per encoded
     * column; they sum to f(x) - f(baseline) up to the integration error.
     */
    float[] attributions(float[] encoded, float[] baseline, int arm, int steps);

    @Override
    void close();
}
