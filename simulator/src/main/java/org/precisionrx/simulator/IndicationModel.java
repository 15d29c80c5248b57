package org.precisionrx.simulator;

/**
 * The two halves of one indication's simulation: how clinicians historically chose an arm (a
 * multinomial logit, confounded by patient features), and the structural outcome model that gives the
 * true outcome probabilities under every arm.
 */
public interface IndicationModel {

    Indication indication();

    /** Linear predictors of the historical prescribing model, one per arm (in {@link Indication#arms} order). */
    double[] prescribingLogits(Patient p);

    /** True outcome probabilities under arm {@code arm}. */
    ArmOutcome outcome(Patient p, int arm);

    static IndicationModel of(Indication indication) {
        return switch (indication) {
            case AF_STROKE_PREVENTION -> new AfModel();
            case ACS_PCI -> new AcsModel();
            case HYPERLIPIDAEMIA -> new LipidModel();
            case DEPRESSION -> new DepressionModel();
        };
    }
}
