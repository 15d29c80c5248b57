package org.precisionrx.recommender.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.causal.MultiArmModel;
import org.precisionrx.ml.causal.OutcomeType;
import org.precisionrx.ml.feature.FeatureSpec;

/** A multi-arm ensemble served from its TensorFlow SavedModel (all members and arms in one call). */
final class TensorFlowArmModel implements ArmModel {

    private final MultiArmModel model;
    private final String version;
    private final String sha256;

    private TensorFlowArmModel(MultiArmModel model, String version, String sha256) {
        this.model = model;
        this.version = version;
        this.sha256 = sha256;
    }

    static TensorFlowArmModel load(Path dir) throws IOException {
        MultiArmModel model = MultiArmModel.load(dir);
        if (model.outcomeType() != OutcomeType.BINARY) {
            model.close();
            throw new IllegalStateException(dir + ": ranking models predict probabilities; this one is " + model.outcomeType());
        }
        ModelCard card = model.modelCard().orElse(null);
        String version = card != null ? card.version() : model.info().weightsSha256().substring(0, 12);
        String sha256 = card != null && card.artifactSha256() != null ? card.artifactSha256() : ModelCard.artifactSha256(dir);
        return new TensorFlowArmModel(model, version, sha256);
    }

    @Override
    public List<String> arms() {
        return model.arms();
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public FeatureSpec featureSpec() {
        return model.featureSpec();
    }

    @Override
    public Optional<ModelCard> modelCard() {
        return model.modelCard();
    }

    @Override
    public double[][][] predict(float[][] encoded) {
        return model.predict(encoded);
    }

    @Override
    public float[][] attributions(float[] encoded, float[] baseline, int[] arms, int steps) {
        return model.integratedGradients(encoded, baseline, arms, steps);
    }

    @Override
    public void close() {
        model.close();
    }
}
