package org.precisionrx.ml.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.precisionrx.ml.feature.Feature;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.io.Sha256;
import org.precisionrx.ml.nn.Activation;
import org.precisionrx.ml.nn.GlorotInit;
import org.precisionrx.ml.nn.MlpSpec;
import org.precisionrx.ml.train.Loss;
import org.precisionrx.ml.train.PinballLoss;
import org.precisionrx.ml.train.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelRoundTripTest {
    // 3 numeric features -> width 3.
    private static final FeatureSpec FEATURES = new FeatureSpec("test", 1, List.of(
            Feature.numeric("a", false).withStats(0, 1),
            Feature.numeric("b", false).withStats(1, 2),
            Feature.numeric("c", false).withStats(-1, 0.5)));

    @TempDir
    Path tmp;

    /** Random (untrained) weights are enough: export must reproduce whatever the weights compute. */
    private static TrainedModel randomModel(Loss loss, int outputs, long seed) {
        MlpSpec spec = new MlpSpec(3, List.of(16, 8), Activation.TANH, outputs, 0.1);
        float[][] w = GlorotInit.init(spec, seed);
        Random rng = new Random(seed);
        for (float[] p : w) {
            for (int i = 0; i < p.length; i++) {
                p[i] += (float) (0.3 * rng.nextGaussian()); // non-zero biases, unsorted quantile heads
            }
        }
        return new TrainedModel(spec, loss, w, null);
    }

    private static float[][] randomInputs(int rows, long seed) {
        Random rng = new Random(seed);
        float[][] x = new float[rows][3];
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (2 * rng.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void exportedModelPredictsLikeTheInMemoryModelAndPlainJava() throws Exception {
        TrainedModel model = randomModel(new Loss.Mse(), 2, 1);
        Path dir = tmp.resolve("model");
        SavedModelExport.export(model, dir, FEATURES);
        assertThat(dir.resolve("saved_model.pb")).exists();
        assertThat(dir.resolve(FeatureSpec.FILE_NAME)).exists();

        float[][] x = randomInputs(200, 2);
        float[][] plain = PlainJavaMlp.of(model).predict(x);
        try (SavedModelPredictor predictor = SavedModelPredictor.load(dir)) {
            assertThat(predictor.featureSpec()).isEqualTo(FEATURES);
            assertThat(predictor.model().weightsSha256()).isEqualTo(model.weightsSha256());
            float[][] tf = predictor.predict(x);
            float[][] fromVariables = predictor.plainJava().predict(x);
            for (int i = 0; i < x.length; i++) {
                for (int k = 0; k < 2; k++) {
                    assertThat(tf[i][k]).isCloseTo(plain[i][k], org.assertj.core.data.Offset.offset(1e-5f));
                }
                assertThat(fromVariables[i]).containsExactly(plain[i]);
            }
        }
    }

    @Test
    void quantileOutputsAreServedSorted() throws Exception {
        TrainedModel model = randomModel(PinballLoss.of(0.1, 0.5, 0.9), 3, 3);
        Path dir = tmp.resolve("q");
        SavedModelExport.export(model, dir, FEATURES);
        float[][] x = randomInputs(100, 4);
        float[][] plain = PlainJavaMlp.of(model).predict(x);
        try (SavedModelPredictor predictor = SavedModelPredictor.load(dir)) {
            float[][] tf = predictor.predict(x);
            for (int i = 0; i < x.length; i++) {
                assertThat(tf[i]).isSorted();
                for (int k = 0; k < 3; k++) {
                    assertThat(tf[i][k]).isCloseTo(plain[i][k], org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
    }

    @Test
    void explainSignatureGivesInputGradients() throws Exception {
        TrainedModel model = randomModel(new Loss.Mse(), 2, 5);
        Path dir = tmp.resolve("e");
        SavedModelExport.export(model, dir, FEATURES);
        float[] x = randomInputs(1, 6)[0];
        PlainJavaMlp plain = PlainJavaMlp.of(model);
        try (SavedModelPredictor predictor = SavedModelPredictor.load(dir)) {
            float[] g = predictor.gradients(new float[][] {x})[0];
            assertThat(g).hasSize(2 * 3);
            // Central finite differences in plain Java (double accumulation) check d out_k / d x_j.
            float h = 1e-2f;
            for (int j = 0; j < 3; j++) {
                float[] up = x.clone();
                float[] down = x.clone();
                up[j] += h;
                down[j] -= h;
                for (int k = 0; k < 2; k++) {
                    double fd = (plain.predict(up)[k] - plain.predict(down)[k]) / (2.0 * h);
                    assertThat((double) g[k * 3 + j]).isCloseTo(fd, org.assertj.core.data.Offset.offset(2e-3));
                }
            }
        }
    }

    @Test
    void exportIsReproducibleAndPredictorIsThreadSafe() throws Exception {
        TrainedModel model = randomModel(new Loss.Mse(), 2, 7);
        SavedModelExport.export(model, tmp.resolve("one"), FEATURES);
        SavedModelExport.export(model, tmp.resolve("two"), FEATURES);
        assertThat(Sha256.ofDirectory(tmp.resolve("two"))).isEqualTo(Sha256.ofDirectory(tmp.resolve("one")));
        assertThatThrownBy(() -> SavedModelExport.export(model, tmp.resolve("one"), FEATURES))
                .hasMessageContaining("not empty");

        float[][] x = randomInputs(64, 8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SavedModelPredictor predictor = SavedModelPredictor.load(tmp.resolve("one"))) {
            float[][] expected = predictor.predict(x);
            List<Future<float[][]>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> predictor.predict(x)));
            }
            for (Future<float[][]> f : futures) {
                assertThat(f.get()).isDeepEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void rejectsAFeatureSpecOfTheWrongWidth() {
        TrainedModel model = randomModel(new Loss.Mse(), 1, 9);
        FeatureSpec narrow = new FeatureSpec("narrow", 1, List.of(Feature.bool("a")));
        assertThatThrownBy(() -> SavedModelExport.export(model, tmp.resolve("w"), narrow))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(tmp.resolve("w"))).isFalse();
    }
}
