package org.precisionrx.recommender.training;

import org.precisionrx.simulator.CohortSimulator;
import org.precisionrx.simulator.Indication;

/**
 * A simulated factual training cohort as the trainer reads it: the raw feature columns (compact, for
 * millions of rows), the arm each patient was given, the factual outcomes, and the arms by popularity.
 * The simulated patients themselves are not kept.
 */
record TrainingCohort(ColumnRows raw, int[] arm, float[] benefit, float[] sae, int[] popularity) {

    static TrainingCohort simulate(Indication indication, int rows, long seed) {
        ColumnRows raw = new ColumnRows();
        int[] arm = new int[rows];
        float[] benefit = new float[rows];
        float[] sae = new float[rows];
        int[] counts = new int[indication.arms.size()];
        new CohortSimulator().simulate(indication, rows, seed, row -> {
            int i = raw.size();
            raw.append(SimulatedRow.columns(row));
            arm[i] = row.treatment();
            benefit[i] = row.benefit() ? 1f : 0f;
            sae[i] = row.sae() ? 1f : 0f;
            counts[row.treatment()]++;
        });
        return new TrainingCohort(raw, arm, benefit, sae, RankingTraining.popularity(counts));
    }
}
