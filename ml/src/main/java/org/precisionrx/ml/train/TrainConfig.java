package org.precisionrx.ml.train;

/**
 * Training settings. All randomness (initial weights, validation split, batch order, dropout) derives
 * from {@code seed}.
 *
 * @param validationFraction share of rows held out for early stopping when no explicit validation set
 *                           is given; 0 disables early stopping
 * @param patience epochs without a validation improvement before stopping
 */
public record TrainConfig(long seed, int maxEpochs, int batchSize, double learningRate, int patience,
                          double validationFraction) {

    public TrainConfig {
        if (maxEpochs <= 0 || batchSize <= 0 || patience <= 0 || !(learningRate > 0)) {
            throw new IllegalArgumentException("maxEpochs, batchSize, patience and learningRate must be positive");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1)");
        }
    }

    public static TrainConfig defaults(long seed) {
        return new TrainConfig(seed, 200, 32, 1e-2, 10, 0.2);
    }

    public TrainConfig withSeed(long newSeed) {
        return new TrainConfig(newSeed, maxEpochs, batchSize, learningRate, patience, validationFraction);
    }

    public TrainConfig withMaxEpochs(int epochs) {
        return new TrainConfig(seed, epochs, batchSize, learningRate, patience, validationFraction);
    }

    public TrainConfig withLearningRate(double lr) {
        return new TrainConfig(seed, maxEpochs, batchSize, lr, patience, validationFraction);
    }

    public TrainConfig withPatience(int newPatience) {
        return new TrainConfig(seed, maxEpochs, batchSize, learningRate, newPatience, validationFraction);
    }
}
