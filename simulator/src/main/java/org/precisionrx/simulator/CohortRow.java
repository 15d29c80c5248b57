package org.precisionrx.simulator;

/**
 * One patient of a factual cohort: the arm historically given, the factual outcomes drawn under it, and the
 * truth under every arm ({@code mu[k]} = P(benefit), {@code saeProbability[k]} = P(SAE) under arm k).
 */
public record CohortRow(Patient patient, int treatment, boolean benefit, boolean sae, double[] mu,
        double[] saeProbability) {

    /** Index of the arm with the highest true P(benefit) (lowest index on ties). */
    public int bestArm() {
        int best = 0;
        for (int k = 1; k < mu.length; k++) {
            if (mu[k] > mu[best]) {
                best = k;
            }
        }
        return best;
    }

    /** True P(benefit) lost by giving arm {@code arm} instead of the best arm. */
    public double regret(int arm) {
        return mu[bestArm()] - mu[arm];
    }
}
