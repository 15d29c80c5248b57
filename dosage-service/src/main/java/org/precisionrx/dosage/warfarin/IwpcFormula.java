package org.precisionrx.dosage.warfarin;

import org.precisionrx.dosage.warfarin.WarfarinInputs.Cyp2c9;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Race;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Vkorc1;

/**
 * The International Warfarin Pharmacogenetics Consortium dosing algorithms (N Engl J Med
 * 2009;360:753-64, PMID 19228618, supplementary appendix), with the published coefficients.
 * Both give the square root of the weekly dose; the result is the weekly dose in mg.
 */
public final class IwpcFormula {

    private IwpcFormula() {
    }

    /** The pharmacogenetic algorithm (CYP2C9 and VKORC1), mg/week. */
    public static double pharmacogeneticWeeklyMg(WarfarinInputs in) {
        double root = 5.6044
                - 0.2614 * in.ageDecades()
                + 0.0087 * in.heightCm()
                + 0.0128 * in.weightKg()
                + vkorc1(in.vkorc1())
                + cyp2c9(in.cyp2c9())
                + race(in.race(), -0.1092, -0.2760, -0.1032)
                + (in.enzymeInducer() ? 1.1816 : 0)
                - (in.amiodarone() ? 0.5503 : 0);
        return root * root;
    }

    /** The clinical algorithm (no genotypes), mg/week. */
    public static double clinicalWeeklyMg(WarfarinInputs in) {
        double root = 4.0376
                - 0.2546 * in.ageDecades()
                + 0.0118 * in.heightCm()
                + 0.0134 * in.weightKg()
                + race(in.race(), -0.6752, -0.4060, 0.0443)
                + (in.enzymeInducer() ? 1.2799 : 0)
                - (in.amiodarone() ? 0.5695 : 0);
        return root * root;
    }

    private static double vkorc1(Vkorc1 genotype) {
        return switch (genotype) {
            case GG -> 0;
            case AG -> -0.8677;
            case AA -> -1.6974;
            case UNKNOWN -> -0.4854;
        };
    }

    private static double cyp2c9(Cyp2c9 genotype) {
        return switch (genotype) {
            case STAR1_STAR1 -> 0;
            case STAR1_STAR2 -> -0.5211;
            case STAR1_STAR3 -> -0.9357;
            case STAR2_STAR2 -> -1.0616;
            case STAR2_STAR3 -> -1.9206;
            case STAR3_STAR3 -> -2.3312;
            case UNKNOWN -> -0.2188;
        };
    }

    private static double race(Race race, double asian, double black, double missingOrMixed) {
        return switch (race) {
            case WHITE -> 0;
            case ASIAN -> asian;
            case BLACK_OR_AFRICAN_AMERICAN -> black;
            case MISSING_OR_MIXED -> missingOrMixed;
        };
    }
}
