package org.precisionrx.recommender.training;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.precisionrx.simulator.Indication;

/** What the tests need from the (up to two million row) training cohorts, simulated once per test JVM. */
final class TrainingCohorts {

    static final long SEED = 20261125L;
    private static final Map<Indication, int[]> POPULARITY = new ConcurrentHashMap<>();

    private TrainingCohorts() {
    }

    /** Arms from most to least prescribed in the indication's training cohort. */
    static int[] popularity(Indication indication) {
        return POPULARITY.computeIfAbsent(indication, i -> RankingTraining.trainingPopularity(i, SEED)).clone();
    }
}
