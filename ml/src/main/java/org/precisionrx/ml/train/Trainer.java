package org.precisionrx.ml.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.precisionrx.ml.nn.Weights;
import org.precisionrx.ml.nn.GlorotInit;
import org.precisionrx.ml.nn.MlpSpec;

/**
 * Mini-batch training with seeded shuffling and dropout, early stopping on a validation set with patience,
 * and restoration of the best weights. Same data + same config => bit-identical weights.
 */
public final class Trainer {
    private final MlpSpec spec;
    private final Loss loss;
    private final TrainConfig config;

    public Trainer(MlpSpec spec, Loss loss, TrainConfig config) {
        this.spec = spec;
        this.loss = loss;
        this.config = config;
    }

    /** Trains on {@code x, y}, holding out {@code config.validationFraction()} of the rows (seeded) for early stopping. */
    public TrainedModel fit(float[][] x, float[][] y) {
        checkRows(x, y);
        int nVal = (int) Math.min(Math.round(x.length * config.validationFraction()), x.length - 1L);
        if (nVal == 0) {
            return fit(x, y, null, null);
        }
        int[] perm = permutation(x.length, RandomStreams.split(config.seed()));
        float[][][] split = new float[4][][];
        split[0] = new float[x.length - nVal][];
        split[1] = new float[x.length - nVal][];
        split[2] = new float[nVal][];
        split[3] = new float[nVal][];
        for (int i = 0; i < perm.length; i++) {
            int part = i < nVal ? 2 : 0;
            int row = i < nVal ? i : i - nVal;
            split[part][row] = x[perm[i]];
            split[part + 1][row] = y[perm[i]];
        }
        return fit(split[0], split[1], split[2], split[3]);
    }

    /** Trains with an explicit validation set; pass nulls to train for exactly {@code maxEpochs} epochs. */
    public TrainedModel fit(float[][] x, float[][] y, float[][] xVal, float[][] yVal) {
        checkRows(x, y);
        boolean validate = xVal != null && xVal.length > 0;
        if (validate) {
            checkRows(xVal, yVal);
        }
        if (loss.outputWidth(y[0].length) != spec.outputWidth()) {
            throw new IllegalArgumentException("loss needs output width " + loss.outputWidth(y[0].length));
        }
        float[][] weights = GlorotInit.init(spec, config.seed());
        DeterministicAdam adam = DeterministicAdam.withDefaults(config.learningRate(), weights);
        Random shuffle = RandomStreams.shuffle(config.seed());
        Random dropout = RandomStreams.dropout(config.seed());
        List<Double> trainLosses = new ArrayList<>();
        List<Double> valLosses = new ArrayList<>();
        float[][] best = Weights.copy(weights);
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        boolean stoppedEarly = false;
        float[][] grads = new float[weights.length][];
        try (TrainingGraph g = new TrainingGraph(spec, loss, y[0].length)) {
            for (int epoch = 0; epoch < config.maxEpochs(); epoch++) {
                int[] order = permutation(x.length, shuffle);
                double sum = 0;
                for (int start = 0; start < x.length; start += config.batchSize()) {
                    int n = Math.min(config.batchSize(), x.length - start);
                    float[][] bx = new float[n][];
                    float[][] by = new float[n][];
                    for (int i = 0; i < n; i++) {
                        bx[i] = x[order[start + i]];
                        by[i] = y[order[start + i]];
                    }
                    float[][] masks = g.usesDropout() ? masks(n, dropout) : null;
                    sum += g.lossAndGradients(bx, by, weights, masks, grads) * n;
                    adam.step(weights, grads);
                }
                double trainLoss = sum / x.length;
                checkFinite(trainLoss, epoch);
                trainLosses.add(trainLoss);
                if (!validate) {
                    continue;
                }
                double valLoss = g.evalLoss(xVal, yVal, weights);
                checkFinite(valLoss, epoch);
                valLosses.add(valLoss);
                if (valLoss < bestLoss) {
                    bestLoss = valLoss;
                    bestEpoch = epoch;
                    best = Weights.copy(weights);
                } else if (epoch - bestEpoch >= config.patience()) {
                    stoppedEarly = epoch + 1 < config.maxEpochs();
                    break;
                }
            }
        }
        if (!validate) {
            best = weights;
            bestEpoch = trainLosses.size() - 1;
        }
        return new TrainedModel(spec, loss, best, new TrainingHistory(trainLosses, valLosses, bestEpoch, stoppedEarly));
    }

    /** Inverted-dropout masks: each unit kept with probability 1 - rate and scaled by 1 / (1 - rate). */
    private float[][] masks(int rows, Random rng) {
        float keep = (float) (1 - spec.dropoutRate());
        float[][] out = new float[spec.hidden().size()][];
        for (int l = 0; l < out.length; l++) {
            out[l] = new float[rows * spec.hidden().get(l)];
            for (int i = 0; i < out[l].length; i++) {
                out[l][i] = rng.nextFloat() < keep ? 1f / keep : 0f;
            }
        }
        return out;
    }

    /** Seeded Fisher-Yates permutation of 0..n-1 (shared with the multi-arm trainer). */
    public static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static void checkRows(float[][] x, float[][] y) {
        if (x == null || y == null || x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("x and y must be non-empty with the same number of rows");
        }
    }

    private static void checkFinite(double value, int epoch) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("training diverged at epoch " + epoch + " (loss " + value + ")");
        }
    }
}
