package org.precisionrx.dosage.warfarin;

/**
 * The inputs of the IWPC algorithms, in the categories the published formulas use. Genotypes and
 * race outside the published categories are UNKNOWN / MISSING_OR_MIXED, as in the formula.
 */
public record WarfarinInputs(
        int ageDecades,
        double heightCm,
        double weightKg,
        Vkorc1 vkorc1,
        Cyp2c9 cyp2c9,
        Race race,
        boolean enzymeInducer,
        boolean amiodarone) {

    /** VKORC1 -1639G>A (rs9923231) genotype. */
    public enum Vkorc1 { GG, AG, AA, UNKNOWN }

    public enum Cyp2c9 { STAR1_STAR1, STAR1_STAR2, STAR1_STAR3, STAR2_STAR2, STAR2_STAR3, STAR3_STAR3, UNKNOWN }

    public enum Race { WHITE, ASIAN, BLACK_OR_AFRICAN_AMERICAN, MISSING_OR_MIXED }

    public static Cyp2c9 cyp2c9(String diplotype) {
        if (diplotype == null) {
            return Cyp2c9.UNKNOWN;
        }
        return switch (diplotype.replace(" ", "")) {
            case "*1/*1" -> Cyp2c9.STAR1_STAR1;
            case "*1/*2", "*2/*1" -> Cyp2c9.STAR1_STAR2;
            case "*1/*3", "*3/*1" -> Cyp2c9.STAR1_STAR3;
            case "*2/*2" -> Cyp2c9.STAR2_STAR2;
            case "*2/*3", "*3/*2" -> Cyp2c9.STAR2_STAR3;
            case "*3/*3" -> Cyp2c9.STAR3_STAR3;
            default -> Cyp2c9.UNKNOWN;
        };
    }

    /** The decade of life the IWPC formula uses: 65 years is 6. */
    public static int decades(int ageYears) {
        return ageYears / 10;
    }
}
