package org.precisionrx.ml.causal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.feature.FeatureEncoder;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.io.Json;
import org.precisionrx.ml.serve.SavedModelExport;
import org.precisionrx.ml.serve.SavedModelSession;

/**
 * A multi-arm outcome model loaded from an export directory (SavedModel + feature-spec.json + model.json
 * + optional model-card.json), for services: every method runs at most one session call. Thread-safe;
 * close it to free the TF session.
 */
public final class MultiArmModel implements AutoCloseable {
    private final SavedModelSession session;
    private final MultiArmModelInfo info;
    private final FeatureSpec featureSpec;
    private final FeatureEncoder encoder;
    private final ModelCard card;

    private MultiArmModel(SavedModelSession session, MultiArmModelInfo info, FeatureSpec featureSpec, ModelCard card) {
        this.session = session;
        this.info = info;
        this.featureSpec = featureSpec;
        this.encoder = new FeatureEncoder(featureSpec);
        this.card = card;
    }

    public static MultiArmModel load(Path dir) throws IOException {
        MultiArmModelInfo info = Json.readFile(dir.resolve(MultiArmModelInfo.FILE_NAME), MultiArmModelInfo.class);
        FeatureSpec spec = FeatureSpec.read(dir.resolve(FeatureSpec.FILE_NAME));
        if (new FeatureEncoder(spec).width() != info.spec().inputWidth()) {
            throw new IOException("feature spec and model disagree on the input width in " + dir);
        }
        Path cardFile = dir.resolve(ModelCard.FILE_NAME);
        ModelCard card = Files.exists(cardFile) ? ModelCard.read(cardFile) : null;
        return new MultiArmModel(SavedModelSession.load(dir), info, spec, card);
    }

    public MultiArmModelInfo info() {
        return info;
    }

    /** Arm labels; index a of every arms dimension is arm {@code arms().get(a)}. */
    public List<String> arms() {
        return info.arms();
    }

    public OutcomeType outcomeType() {
        return info.spec().outcomeType();
    }

    public int members() {
        return info.members();
    }

    public FeatureSpec featureSpec() {
        return featureSpec;
    }

    /** The encoder of the shipped feature spec: encode service inputs with it. */
    public FeatureEncoder encoder() {
        return encoder;
    }

    public Optional<ModelCard> modelCard() {
        return Optional.ofNullable(card);
    }

    /** Outcomes [rows][members][arms] (probabilities for BINARY) for encoded rows, in one session call. */
    public double[][][] predict(float[][] x) {
        int members = info.members();
        int arms = info.arms().size();
        double[][][] out = new double[x.length][members][arms];
        if (x.length == 0) {
            return out;
        }
        float[] flat = session.call(SavedModelExport.SERVING_DEFAULT, MultiArmExport.OUTCOMES, x, width());
        for (int i = 0; i < x.length; i++) {
            for (int m = 0; m < members; m++) {
                for (int a = 0; a < arms; a++) {
                    out[i][m][a] = flat[(i * members + m) * arms + a];
                }
            }
        }
        return out;
    }

    /** Per row and arm: member mean, sd and 90% interval (see {@link ArmSummary}); one session call. */
    public ArmSummary[][] summary(float[][] x) {
        return summarize(predict(x), outcomeType());
    }

    /** Summaries [rows][arms] of predictions [rows][members][arms]. */
    public static ArmSummary[][] summarize(double[][][] predictions, OutcomeType type) {
        ArmSummary[][] out = new ArmSummary[predictions.length][];
        for (int i = 0; i < predictions.length; i++) {
            int arms = predictions[i][0].length;
            out[i] = new ArmSummary[arms];
            for (int a = 0; a < arms; a++) {
                double[] members = new double[predictions[i].length];
                for (int m = 0; m < members.length; m++) {
                    members[m] = predictions[i][m][a];
                }
                out[i][a] = ArmSummary.of(members, type);
            }
        }
        return out;
    }

    /**
     * Integrated gradients of the ensemble-mean outcome of {@code arm} (probability for BINARY) from
     * {@code baseline} to {@code x}, in one call of the {@code explain} signature on the steps + 1
     * interpolation points, integrated with the trapezoidal rule. Completeness: the attributions sum to
     * f(x) - f(baseline) up to the discretisation error, which shrinks as 1/steps².
     */
    public float[] integratedGradients(float[] x, float[] baseline, int arm, int steps) {
        return integratedGradients(x, baseline, new int[] {arm}, steps)[0];
    }

    /**
     * {@link #integratedGradients(float[], float[], int, int)} for several arms of the same patient in
     * one session call: the interpolation path is the same for every arm, so the forward pass is shared
     * and only these arms' backward passes run.
     */
    public float[][] integratedGradients(float[] x, float[] baseline, int[] arms, int steps) {
        int width = width();
        if (x.length != width || baseline.length != width) {
            throw new IllegalArgumentException("x and baseline need " + width + " features");
        }
        if (steps < 1 || Arrays.stream(arms).anyMatch(arm -> arm < 0 || arm >= info.arms().size())) {
            throw new IllegalArgumentException("arm out of range or steps < 1");
        }
        float[][] path = new float[steps + 1][width];
        for (int k = 0; k <= steps; k++) {
            double alpha = (double) k / steps;
            for (int j = 0; j < width; j++) {
                path[k][j] = (float) (baseline[j] + alpha * (x[j] - baseline[j]));
            }
        }
        float[][] perArm = session.callParts(SavedModelExport.EXPLAIN,
                SavedModelExport.GRADIENTS, arms, path, width); // per arm [steps+1, width]
        float[][] attributions = new float[arms.length][width];
        for (int a = 0; a < arms.length; a++) {
            float[] g = perArm[a];
            for (int j = 0; j < width; j++) {
                double integral = 0;
                for (int k = 0; k <= steps; k++) {
                    double w = (k == 0 || k == steps) ? 0.5 : 1.0;
                    integral += w * g[k * width + j];
                }
                attributions[a][j] = (float) ((x[j] - baseline[j]) * integral / steps);
            }
        }
        return attributions;
    }

    /** The ensemble's plain-Java forward pass, with the weights read back from this SavedModel's variables. */
    public PlainJavaMultiArm plainJava() {
        List<float[][]> weights = new ArrayList<>();
        for (int m = 0; m < info.members(); m++) {
            weights.add(session.variables(MultiArmExport.variableNames(info.spec(), m)));
        }
        return new PlainJavaMultiArm(info.spec(), weights);
    }

    private int width() {
        return info.spec().inputWidth();
    }

    @Override
    public void close() {
        session.close();
    }
}
