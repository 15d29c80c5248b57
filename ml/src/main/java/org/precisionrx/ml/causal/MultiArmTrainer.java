package org.precisionrx.ml.causal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.precisionrx.ml.nn.Weights;
import org.precisionrx.ml.nn.GlorotInit;
import org.precisionrx.ml.train.DeterministicAdam;
import org.precisionrx.ml.train.RandomStreams;
import org.precisionrx.ml.train.TrainConfig;
import org.precisionrx.ml.train.Trainer;
import org.precisionrx.ml.train.TrainingHistory;

/**
 * Trains TARNet/CFR networks on factual outcomes: x (encoded features), arm (index of the arm given,
 * 0..arms-1) and y (0/1 for BINARY). Seeded split, shuffles and initial weights, {@link DeterministicAdam},
 * early stopping on the validation factual loss with restoration of the best weights. Same data + config
 * => bit-identical weights.
 */
public final class MultiArmTrainer {
    private final TarnetSpec spec;
    private final MultiArmConfig config;

    public MultiArmTrainer(TarnetSpec spec, MultiArmConfig config) {
        this.spec = spec;
        this.config = config;
    }

    /** One network with seed {@code config.train().seed()}, holding out the validation fraction (seeded). */
    public MultiArmNet fit(float[][] x, int[] arm, float[] y) {
        return fitEnsemble(x, arm, y, 1).members().get(0);
    }

    /**
     * A deep ensemble: members with seeds seed, seed+1, ... (initial weights, batch order, IPM directions)
     * share one validation split drawn with the base seed, so their validation losses are comparable.
     */
    public MultiArmEnsemble fitEnsemble(float[][] x, int[] arm, float[] y, int members) {
        check(x, arm, y);
        if (members < 1) {
            throw new IllegalArgumentException("members must be >= 1");
        }
        TrainConfig tc = config.train();
        int nVal = validationRows(x.length, tc).length;
        int[] perm = Trainer.permutation(x.length, RandomStreams.split(tc.seed()));
        Data val = Data.of(x, arm, y, perm, 0, nVal);
        Data train = Data.of(x, arm, y, perm, nVal, x.length);
        List<MultiArmNet> nets = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            nets.add(fit(train, nVal == 0 ? null : val, tc.seed() + m));
        }
        return new MultiArmEnsemble(nets);
    }

    /** Indices of the rows {@link #fitEnsemble} holds out for early stopping (e.g. for a model card). */
    public static int[] validationRows(int rows, TrainConfig tc) {
        int nVal = (int) Math.min(Math.round(rows * tc.validationFraction()), rows - 1L);
        return java.util.Arrays.copyOf(Trainer.permutation(rows, RandomStreams.split(tc.seed())), nVal);
    }

    private MultiArmNet fit(Data train, Data val, long seed) {
        TrainConfig tc = config.train();
        float[][] weights = initialWeights(spec, seed);
        double learningRate = tc.learningRate();
        DeterministicAdam adam = DeterministicAdam.withDefaults(learningRate, weights);
        Random shuffle = RandomStreams.shuffle(seed);
        List<Double> trainLosses = new ArrayList<>();
        List<Double> valLosses = new ArrayList<>();
        float[][] best = Weights.copy(weights);
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int plateauFrom = -1;
        int drops = 0;
        boolean stoppedEarly = false;
        try (MultiArmTrainingGraph g = new MultiArmTrainingGraph(spec, config, seed)) {
            for (int epoch = 0; epoch < tc.maxEpochs(); epoch++) {
                int[] order = Trainer.permutation(train.x.length, shuffle);
                double sum = 0;
                for (int start = 0; start < order.length; start += tc.batchSize()) {
                    Data batch = Data.of(train.x, train.arm, train.y, order, start,
                            Math.min(start + tc.batchSize(), order.length));
                    var step = g.run(batch.x, batch.arm, batch.y, weights, true, true);
                    sum += step.factual() * batch.x.length;
                    adam.step(weights, step.gradients());
                }
                double trainLoss = checkFinite(sum / train.x.length, epoch);
                trainLosses.add(trainLoss);
                if (val == null) {
                    continue;
                }
                // Early stopping on the factual loss only: the penalty is a regulariser, not the target.
                double valLoss = checkFinite(g.run(val.x, val.arm, val.y, weights, false, false).factual(), epoch);
                valLosses.add(valLoss);
                if (valLoss < bestLoss) {
                    bestLoss = valLoss;
                    bestEpoch = epoch;
                    plateauFrom = epoch;
                    best = Weights.copy(weights);
                } else if (epoch - plateauFrom >= tc.patience() && drops < config.learningRateDrops()) {
                    // Adam's step noise at a fixed rate can hide effects smaller than it; a smaller rate
                    // from the best weights lets training resolve them.
                    drops++;
                    plateauFrom = epoch;
                    learningRate /= 10;
                    weights = Weights.copy(best);
                    adam = DeterministicAdam.withDefaults(learningRate, weights);
                } else if (epoch - plateauFrom >= tc.patience()) {
                    stoppedEarly = epoch + 1 < tc.maxEpochs();
                    break;
                }
            }
        }
        if (val == null) {
            best = weights;
            bestEpoch = trainLosses.size() - 1;
        }
        return new MultiArmNet(spec, best, seed, new TrainingHistory(trainLosses, valLosses, bestEpoch, stoppedEarly));
    }

    /** Glorot-uniform weights for the representation and each head, from one seeded stream of sub-seeds. */
    static float[][] initialWeights(TarnetSpec spec, long seed) {
        Random seeds = RandomStreams.init(seed);
        List<float[]> all = new ArrayList<>(List.of(GlorotInit.init(spec.representationMlp(), seeds.nextLong())));
        for (int a = 0; a < spec.arms(); a++) {
            all.addAll(List.of(GlorotInit.init(spec.headMlp(), seeds.nextLong())));
        }
        return all.toArray(new float[0][]);
    }

    private void check(float[][] x, int[] arm, float[] y) {
        if (x == null || arm == null || y == null || x.length == 0 || x.length != arm.length || x.length != y.length) {
            throw new IllegalArgumentException("x, arm and y must be non-empty with the same number of rows");
        }
        for (int i = 0; i < x.length; i++) {
            if (arm[i] < 0 || arm[i] >= spec.arms()) {
                throw new IllegalArgumentException("row " + i + ": arm " + arm[i] + " out of range");
            }
            if (spec.outcomeType() == OutcomeType.BINARY && y[i] != 0f && y[i] != 1f) {
                throw new IllegalArgumentException("row " + i + ": binary outcome must be 0 or 1, got " + y[i]);
            }
            if (!Float.isFinite(y[i])) {
                throw new IllegalArgumentException("row " + i + ": outcome is not finite");
            }
        }
    }

    private static double checkFinite(double v, int epoch) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("training diverged at epoch " + epoch + " (loss " + v + ")");
        }
        return v;
    }

    /** Rows {@code order[from..to)} of the data. */
    private record Data(float[][] x, int[] arm, float[] y) {
        static Data of(float[][] x, int[] arm, float[] y, int[] order, int from, int to) {
            int n = to - from;
            Data d = new Data(new float[n][], new int[n], new float[n]);
            for (int i = 0; i < n; i++) {
                d.x[i] = x[order[from + i]];
                d.arm[i] = arm[order[from + i]];
                d.y[i] = y[order[from + i]];
            }
            return d;
        }
    }
}
