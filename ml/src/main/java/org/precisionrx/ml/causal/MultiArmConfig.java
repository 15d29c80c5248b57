package org.precisionrx.ml.causal;

import org.precisionrx.ml.train.TrainConfig;

/**
 * Training options of a multi-arm network: the shared {@link TrainConfig} (seed, epochs, batch size,
 * learning rate, patience, validation fraction) plus representation balancing.
 *
 * @param ipm balancing penalty between arms' representations (NONE = TARNet, otherwise CFR)
 * @param alpha weight of the penalty in the training loss
 * @param rbfSigma Gaussian kernel bandwidth for {@link Ipm#MMD_RBF}, in units of Φ
 * @param learningRateDrops how many times a validation plateau divides the learning rate by 10 (from
 *                          the best weights so far) before training stops; 0 stops at the first plateau
 */
public record MultiArmConfig(TrainConfig train, Ipm ipm, double alpha, double rbfSigma, int learningRateDrops) {

    public MultiArmConfig {
        if (train == null || ipm == null) {
            throw new IllegalArgumentException("train config and ipm are required");
        }
        if (!(alpha >= 0) || !(rbfSigma > 0) || learningRateDrops < 0) {
            throw new IllegalArgumentException("alpha and learningRateDrops must be >= 0 and rbfSigma > 0");
        }
    }

    public MultiArmConfig(TrainConfig train, Ipm ipm, double alpha, double rbfSigma) {
        this(train, ipm, alpha, rbfSigma, 0);
    }

    /** 100 epochs, batch 128, lr 1e-3, patience 15, 20% validation, no IPM. */
    public static MultiArmConfig defaults(long seed) {
        return new MultiArmConfig(new TrainConfig(seed, 100, 128, 1e-3, 15, 0.2), Ipm.NONE, 0, 1.0);
    }

    public MultiArmConfig withTrain(TrainConfig newTrain) {
        return new MultiArmConfig(newTrain, ipm, alpha, rbfSigma, learningRateDrops);
    }

    public MultiArmConfig withIpm(Ipm newIpm, double newAlpha) {
        return new MultiArmConfig(train, newIpm, newAlpha, rbfSigma, learningRateDrops);
    }

    public MultiArmConfig withLearningRateDrops(int drops) {
        return new MultiArmConfig(train, ipm, alpha, rbfSigma, drops);
    }
}
