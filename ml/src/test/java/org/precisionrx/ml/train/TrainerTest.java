package org.precisionrx.ml.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.precisionrx.ml.nn.Activation;
import org.precisionrx.ml.nn.MlpSpec;
import org.precisionrx.ml.serve.PlainJavaMlp;
import org.junit.jupiter.api.Test;

class TrainerTest {

    @Test
    void learnsALinearFunction() {
        Synthetic data = Synthetic.linear(1200, 1);
        Synthetic train = data.head(1000);
        Synthetic test = data.tail(1000);
        MlpSpec spec = new MlpSpec(2, List.of(16), Activation.TANH, 1, 0.0);
        TrainedModel model = new Trainer(spec, new Loss.Mse(), TrainConfig.defaults(7).withMaxEpochs(60)).fit(train.x, train.y);

        float[][] pred = PlainJavaMlp.of(model).predict(test.x);
        double mse = 0;
        for (int i = 0; i < pred.length; i++) {
            mse += Math.pow(pred[i][0] - test.y[i][0], 2);
        }
        mse /= pred.length;
        // Noise variance is 0.01; y itself has variance ~4.3, so 0.05 means the function was learnt.
        assertThat(mse).isLessThan(0.05);
    }

    @Test
    void quantileIntervalCoversAboutEightyPercent() {
        Synthetic data = Synthetic.heteroscedastic(3000, 2);
        Synthetic train = data.head(2000);
        Synthetic test = data.tail(2000);
        MlpSpec spec = new MlpSpec(1, List.of(32, 32), Activation.RELU, 3, 0.0);
        TrainConfig config = new TrainConfig(3, 80, 64, 5e-3, 10, 0.2);
        TrainedModel model = new Trainer(spec, PinballLoss.of(0.1, 0.5, 0.9), config).fit(train.x, train.y);

        float[][] pred = PlainJavaMlp.of(model).predict(test.x);
        int covered = 0;
        for (int i = 0; i < pred.length; i++) {
            assertThat(pred[i][0]).isLessThanOrEqualTo(pred[i][1]).isLessThanOrEqualTo(pred[i][2]);
            if (test.y[i][0] >= pred[i][0] && test.y[i][0] <= pred[i][2]) {
                covered++;
            }
        }
        assertThat(covered / (double) pred.length).isBetween(0.7, 0.9);
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndAnotherSeedDoesNot() {
        Synthetic data = Synthetic.linear(300, 3);
        MlpSpec spec = new MlpSpec(2, List.of(8, 8), Activation.RELU, 1, 0.2); // dropout exercises its RNG too
        TrainConfig config = new TrainConfig(11, 15, 16, 1e-2, 100, 0.2);

        String first = new Trainer(spec, new Loss.Mse(), config).fit(data.x, data.y).weightsSha256();
        String second = new Trainer(spec, new Loss.Mse(), config).fit(data.x, data.y).weightsSha256();
        String otherSeed = new Trainer(spec, new Loss.Mse(), config.withSeed(12)).fit(data.x, data.y).weightsSha256();

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void gaussianHeadLearnsMeanAndVariance() {
        Synthetic data = Synthetic.linear(800, 4);
        MlpSpec spec = new MlpSpec(2, List.of(16), Activation.TANH, 2, 0.0);
        TrainedModel model = new Trainer(spec, new Loss.GaussianNll(), TrainConfig.defaults(5).withMaxEpochs(60))
                .fit(data.x, data.y);
        float[] out = PlainJavaMlp.of(model).predict(new float[] {0.5f, -0.5f});
        assertThat(out[0]).isCloseTo(2.5f, org.assertj.core.data.Offset.offset(0.2f));
        // log-variance should approach log(0.01) = -4.6; well below 0 shows the variance head learnt.
        assertThat(out[1]).isLessThan(-2.5f);
    }

    @Test
    void earlyStoppingStopsAndRestoresBestWeights() {
        // Few noisy rows, a wide net and a high learning rate: validation loss soon rises (overfitting).
        Synthetic train = Synthetic.heteroscedastic(40, 5);
        Synthetic val = Synthetic.heteroscedastic(200, 6);
        MlpSpec spec = new MlpSpec(1, List.of(64, 64), Activation.RELU, 1, 0.0);
        TrainConfig config = new TrainConfig(9, 500, 8, 2e-2, 5, 0.0);
        TrainedModel model = new Trainer(spec, new Loss.Mse(), config).fit(train.x, train.y, val.x, val.y);

        TrainingHistory h = model.history();
        assertThat(h.stoppedEarly()).isTrue();
        assertThat(h.epochsRun()).isLessThan(500).isEqualTo(h.bestEpoch() + config.patience() + 1);
        double best = h.validationLoss().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(h.validationLoss().get(h.bestEpoch())).isEqualTo(best);
        assertThat(h.validationLoss().get(h.epochsRun() - 1)).isGreaterThan(best);

        // The returned weights are the best epoch's, not the last epoch's.
        float[][] pred = PlainJavaMlp.of(model).predict(val.x);
        double mse = 0;
        for (int i = 0; i < pred.length; i++) {
            mse += Math.pow(pred[i][0] - val.y[i][0], 2);
        }
        assertThat(mse / pred.length).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-4 * best));
    }
}
