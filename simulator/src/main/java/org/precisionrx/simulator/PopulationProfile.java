package org.precisionrx.simulator;

import java.util.EnumMap;
import java.util.Map;

/**
 * Who is treated for each indication: age and sex distribution, comorbidity prevalence at age 65 (scaled by
 * an odds ratio per decade of age in {@link PatientGenerator}), smoking, and co-medication rates.
 * Values are approximate, chosen to resemble the trial and registry populations cited in docs/simulator.md.
 *
 * @param prevalenceAt65 prevalence at age 65 for AF, HF, prior stroke, prior major bleed, liver disease,
 *                       diabetes, hypertension (in that order; CKD follows from eGFR)
 * @param smoking        NEVER, FORMER, CURRENT probabilities
 */
record PopulationProfile(double ageMean, double ageSd, int ageMin, int ageMax, double femaleFraction,
        double[] prevalenceAt65, double[] smoking, double amiodarone, double omeprazole, double bmiMean) {

    static final double[] ANCESTRY_MIX = {0.62, 0.13, 0.07, 0.18}; // WHITE, BLACK, ASIAN, OTHER (US-like, approx.)
    /** Odds ratio per decade of age, in the order of {@code prevalenceAt65}. */
    static final double[] OR_PER_DECADE = {1.9, 1.5, 1.4, 1.4, 1.0, 1.25, 1.5};
    static final int AF = 0, HF = 1, STROKE = 2, BLEED = 3, LIVER = 4, DIABETES = 5, HYPERTENSION = 6;

    private static final Map<Indication, PopulationProfile> PROFILES = new EnumMap<>(Indication.class);

    static {
        // AF: ARISTOTLE/ENGAGE-like (median age ~70-72, ~35-40% women, hypertension ~87%, HF ~35%).
        PROFILES.put(Indication.AF_STROKE_PREVENTION, new PopulationProfile(73, 9.5, 40, 98, 0.42,
                new double[] {1.0, 0.30, 0.14, 0.06, 0.03, 0.24, 0.80}, new double[] {0.50, 0.40, 0.10},
                0.08, 0.18, 29.0));
        // ACS-PCI: PLATO/TRITON-like (median age ~62, ~25-28% women, ~35% current smokers, ~25% diabetes).
        PROFILES.put(Indication.ACS_PCI, new PopulationProfile(63, 11, 30, 95, 0.27,
                new double[] {0.07, 0.10, 0.06, 0.03, 0.02, 0.26, 0.65}, new double[] {0.33, 0.32, 0.35},
                0.02, 0.30, 28.5));
        // Hyperlipidaemia: primary and secondary prevention in general practice.
        PROFILES.put(Indication.HYPERLIPIDAEMIA, new PopulationProfile(61, 11, 25, 95, 0.48,
                new double[] {0.05, 0.05, 0.05, 0.02, 0.03, 0.25, 0.50}, new double[] {0.50, 0.35, 0.15},
                0.01, 0.15, 29.0));
        // Depression: adults starting an SSRI (two thirds women, younger, more smoking).
        PROFILES.put(Indication.DEPRESSION, new PopulationProfile(45, 15, 18, 95, 0.65,
                new double[] {0.03, 0.03, 0.03, 0.02, 0.03, 0.15, 0.40}, new double[] {0.48, 0.22, 0.30},
                0.005, 0.15, 28.5));
    }

    static PopulationProfile of(Indication indication) {
        return PROFILES.get(indication);
    }
}
