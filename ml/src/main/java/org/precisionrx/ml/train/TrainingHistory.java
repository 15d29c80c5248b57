package org.precisionrx.ml.train;

import java.util.List;

/**
 * Per-epoch losses. {@code bestEpoch} (0-based) is the epoch whose weights were kept; without a validation
 * set it is the last epoch and {@code validationLoss} is empty.
 */
public record TrainingHistory(List<Double> trainLoss, List<Double> validationLoss, int bestEpoch,
                              boolean stoppedEarly) {

    public TrainingHistory {
        trainLoss = List.copyOf(trainLoss);
        validationLoss = List.copyOf(validationLoss);
    }

    public int epochsRun() {
        return trainLoss.size();
    }
}
