package org.precisionrx.ml.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.feature.Feature;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.nn.Activation;
import org.precisionrx.ml.serve.SavedModelExport;
import org.precisionrx.ml.serve.SavedModelSession;
import org.precisionrx.ml.train.TrainConfig;

class MultiArmModelTest {
    private static final FeatureSpec FEATURES = new FeatureSpec("synthetic", 1, List.of(
            Feature.numeric("x1", false).withStats(0, 1), Feature.numeric("x2", false).withStats(0, 1),
            Feature.numeric("x3", false).withStats(0, 1), Feature.numeric("x4", false).withStats(0, 1)));
    private static final TarnetSpec SPEC =
            new TarnetSpec(4, List.of(16, 16), List.of(8), Activation.TANH, 3, OutcomeType.BINARY);
    private static final MultiArmConfig CONFIG =
            MultiArmConfig.defaults(21).withTrain(new TrainConfig(21, 15, 64, 3e-3, 5, 0.2)).withIpm(Ipm.MMD_RBF, 0.1);
    private static final MultiArmModelInfo.Labels LABELS =
            new MultiArmModelInfo.Labels(List.of("a", "b", "c"), "drug", "response", true);

    @TempDir
    static Path tmp;
    static MultiArmEnsemble ensemble;
    static CausalSynthetic data;

    @BeforeAll
    static void train() throws Exception {
        data = CausalSynthetic.binary(800, 5);
        ensemble = new MultiArmTrainer(SPEC, CONFIG).fitEnsemble(data.x, data.arm, data.y, 3);
        MultiArmExport.export(ensemble, FEATURES, LABELS, CONFIG, tmp.resolve("model"));
    }

    @Test
    void tensorFlowMatchesPlainJavaForEveryMemberAndArm() throws Exception {
        float[][] x = java.util.Arrays.copyOf(data.x, 200);
        PlainJavaMultiArm inMemory = PlainJavaMultiArm.of(ensemble);
        try (MultiArmModel model = MultiArmModel.load(tmp.resolve("model"))) {
            assertThat(model.arms()).containsExactly("a", "b", "c");
            assertThat(model.members()).isEqualTo(3);
            assertThat(model.info().weightsSha256()).isEqualTo(ensemble.weightsSha256());
            assertThat(model.info().signatures()).containsExactly("serving_default", "explain");
            assertThat(model.modelCard()).isEmpty();
            double[][][] tf = model.predict(x);
            PlainJavaMultiArm fromVariables = model.plainJava();
            double maxMemberSpread = 0;
            for (int i = 0; i < x.length; i++) {
                double[][] plain = inMemory.predict(x[i]);
                assertThat(fromVariables.predict(x[i])).isDeepEqualTo(plain);
                for (int m = 0; m < 3; m++) {
                    for (int a = 0; a < 3; a++) {
                        assertThat(tf[i][m][a]).isCloseTo(plain[m][a], within(1e-5)).isBetween(0.0, 1.0);
                        maxMemberSpread = Math.max(maxMemberSpread, Math.abs(tf[i][m][a] - tf[i][0][a]));
                    }
                }
                ArmSummary[] s = MultiArmModel.summarize(new double[][][] {tf[i]}, OutcomeType.BINARY)[0];
                for (int a = 0; a < 3; a++) {
                    assertThat(s[a].mean()).isCloseTo(inMemory.mean(x[i])[a], within(1e-5));
                    assertThat(s[a].lower()).isLessThanOrEqualTo(s[a].mean()).isGreaterThanOrEqualTo(0);
                    assertThat(s[a].upper()).isGreaterThanOrEqualTo(s[a].mean()).isLessThanOrEqualTo(1);
                }
            }
            assertThat(maxMemberSpread).isGreaterThan(1e-3); // members really differ
        }
    }

    @Test
    void integratedGradientsAreComplete() throws Exception {
        float[] baseline = new float[4];
        try (MultiArmModel model = MultiArmModel.load(tmp.resolve("model"))) {
            for (int row = 0; row < 5; row++) {
                float[] x = data.x[row];
                double[] fx = model.plainJava().mean(x);
                double[] fb = model.plainJava().mean(baseline);
                for (int arm = 0; arm < 3; arm++) {
                    float[] ig = model.integratedGradients(x, baseline, arm, 64);
                    double sum = 0;
                    for (float v : ig) {
                        sum += v;
                    }
                    assertThat(sum).isCloseTo(fx[arm] - fb[arm], within(0.01));
                }
            }
        }
    }

    @Test
    void someArmsGradientsAreExactlyThoseArmsSlicesOfEveryArmsGradients() {
        float[][] x = java.util.Arrays.copyOf(data.x, 33);
        try (SavedModelSession session = SavedModelSession.load(tmp.resolve("model"))) {
            float[] all = session.call(SavedModelExport.EXPLAIN, SavedModelExport.GRADIENTS, x, 4); // [33, 3, 4]
            for (int[] arms : new int[][] {{0}, {1}, {2}, {2, 0}, {0, 1, 2}}) {
                float[][] parts = session.callParts(SavedModelExport.EXPLAIN, SavedModelExport.GRADIENTS, arms, x, 4);
                for (int i = 0; i < arms.length; i++) {
                    float[] slice = new float[33 * 4];
                    for (int row = 0; row < 33; row++) {
                        System.arraycopy(all, (row * 3 + arms[i]) * 4, slice, row * 4, 4);
                    }
                    assertThat(parts[i]).containsExactly(slice); // same bits, not merely close
                }
            }
            assertThatThrownBy(() -> session.callParts(SavedModelExport.EXPLAIN, SavedModelExport.GRADIENTS, new int[] {3}, x, 4))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no part 3");
            assertThatThrownBy(() -> session.callParts(SavedModelExport.SERVING_DEFAULT, MultiArmExport.MEAN, new int[] {0}, x, 4))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stack");
        }
    }

    @Test
    void severalArmsInOneCallExplainAsEachArmAlone() throws Exception {
        float[] baseline = new float[4];
        try (MultiArmModel model = MultiArmModel.load(tmp.resolve("model"))) {
            float[][] together = model.integratedGradients(data.x[0], baseline, new int[] {2, 0}, 32);
            assertThat(together[0]).containsExactly(model.integratedGradients(data.x[0], baseline, 2, 32));
            assertThat(together[1]).containsExactly(model.integratedGradients(data.x[0], baseline, 0, 32));
        }
    }

    @Test
    void exportIsReproducibleAndModelIsThreadSafe() throws Exception {
        MultiArmExport.export(ensemble, FEATURES, LABELS, CONFIG, tmp.resolve("again"));
        assertThat(ModelCard.artifactSha256(tmp.resolve("again")))
                .isEqualTo(ModelCard.artifactSha256(tmp.resolve("model")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (MultiArmModel model = MultiArmModel.load(tmp.resolve("again"))) {
            double[][][] expected = model.predict(data.x);
            List<Future<double[][][]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> model.predict(data.x)));
            }
            for (Future<double[][][]> f : futures) {
                assertThat(f.get()).isDeepEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
