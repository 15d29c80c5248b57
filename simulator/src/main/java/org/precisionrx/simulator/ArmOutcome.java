package org.precisionrx.simulator;

/**
 * True 12-month outcome probabilities of one patient under one arm.
 *
 * @param benefit P(net clinical benefit) = P(no serious adverse event) x P(treatment success | no SAE)
 * @param sae     P(serious adverse event)
 */
public record ArmOutcome(double benefit, double sae) {

    /** Combines an SAE probability with the probability of success among patients without one. */
    static ArmOutcome of(double successWithoutSae, double sae) {
        double s = Rng.clamp(sae, 0.002, 0.35);
        double e = Rng.clamp(successWithoutSae, 0.02, 0.98);
        return new ArmOutcome((1 - s) * e, s);
    }

    /** Success given no SAE (what the factual benefit draw uses once no SAE occurred). */
    double successGivenNoSae() {
        return benefit / (1 - sae);
    }
}
