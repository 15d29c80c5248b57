package org.precisionrx.simulator;

import static org.precisionrx.simulator.Comorbidity.HEART_FAILURE;
import static org.precisionrx.simulator.Comorbidity.LIVER_DISEASE;
import static org.precisionrx.simulator.Comorbidity.PRIOR_MAJOR_BLEED;
import static org.precisionrx.simulator.Comorbidity.PRIOR_STROKE;

/**
 * SSRI for a depressive episode. Success = response (>= 50 % symptom reduction) sustained on the drug at
 * 12 months. SAE = adverse event leading to discontinuation or a serious one (QTc prolongation,
 * hyponatraemia, bleeding, serotonin toxicity). Parameters and sources: docs/simulator.md, "depression".
 */
final class DepressionModel implements IndicationModel {

    static final int CITALOPRAM = 0, ESCITALOPRAM = 1, SERTRALINE = 2, PAROXETINE = 3, FLUOXETINE = 4;
    static final double BASE_SUCCESS = 0.60;
    /** Log odds ratio of response against citalopram (Cipriani 2018 response ORs vs placebo, 1.52 reference). */
    static final double[] EFFICACY = {0.0, 0.10, 0.09, 0.14, 0.0};
    static final double[] SAE_BASE = {0.07, 0.06, 0.08, 0.09, 0.06};

    @Override
    public Indication indication() {
        return Indication.DEPRESSION;
    }

    @Override
    public double[] prescribingLogits(Patient p) {
        double age = p.age() - 45;
        return new double[] {
            -0.5 - 0.03 * age - (p.has(HEART_FAILURE) ? 0.8 : 0) - (p.amiodarone() ? 0.6 : 0), // QT warning
            -0.3,
            0.0,
            -1.2 - 0.04 * age, // Beers criteria: avoid in older adults
            -0.6 - 0.02 * age + (p.isFemale() ? 0.2 : 0),
        };
    }

    @Override
    public ArmOutcome outcome(Patient p, int arm) {
        double logit = Rng.logit(BASE_SUCCESS) + EFFICACY[arm] + pgxEfficacy(p, arm)
                - (p.age() >= 65 ? 0.2 : 0) - (p.smoking() == Smoking.CURRENT ? 0.2 : 0)
                - (p.alcoholUnitsWeek() >= 35 ? 0.6 : p.alcoholUnitsWeek() >= 14 ? 0.3 : 0)
                - (p.has(HEART_FAILURE) || p.has(PRIOR_STROKE) ? 0.2 : 0);
        return ArmOutcome.of(Rng.logistic(logit), SAE_BASE[arm] * saeMultiplier(p, arm));
    }

    /** Exposure-driven response changes (CPIC 2023 SSRI guideline; Jukic 2018 for CYP2C19 and escitalopram). */
    private static double pgxEfficacy(Patient p, int arm) {
        String c19 = p.phenotype(Gene.CYP2C19);
        String d6 = p.phenotype(Gene.CYP2D6);
        return switch (arm) {
            case CITALOPRAM, ESCITALOPRAM -> switch (c19) {
                case Pharmacogenetics.UM -> -0.6;
                case Pharmacogenetics.RM -> -0.25;
                case Pharmacogenetics.IM -> 0.05;
                case Pharmacogenetics.PM -> 0.1;
                default -> 0;
            };
            case SERTRALINE -> c19.equals(Pharmacogenetics.UM) ? -0.15 : c19.equals(Pharmacogenetics.RM) ? -0.05
                    : c19.equals(Pharmacogenetics.PM) ? 0.05 : 0;
            case PAROXETINE -> d6.equals(Pharmacogenetics.UM) ? -0.8 : d6.equals(Pharmacogenetics.PM) ? 0.1
                    : d6.equals(Pharmacogenetics.IM) ? 0.05 : 0;
            default -> 0; // fluoxetine: CPIC 2023 makes no genotype-based recommendation
        };
    }

    private static double saeMultiplier(Patient p, int arm) {
        double m = (p.age() >= 80 ? 2.0 : p.age() >= 65 ? 1.5 : 1) * (p.has(PRIOR_MAJOR_BLEED) ? 1.3 : 1)
                * (p.alcoholUnitsWeek() >= 14 ? 1.2 : 1) * (p.has(LIVER_DISEASE) ? 1.3 : 1);
        String c19 = p.phenotype(Gene.CYP2C19);
        boolean pm19 = c19.equals(Pharmacogenetics.PM);
        boolean im19 = c19.equals(Pharmacogenetics.IM);
        boolean citalopramLike = arm == CITALOPRAM || arm == ESCITALOPRAM;
        m *= citalopramLike ? (p.omeprazole() ? 1.15 : 1) * (p.amiodarone() ? 1.5 : 1) : (p.omeprazole() ? 0.95 : 1);
        switch (arm) {
            case CITALOPRAM -> m *= (pm19 ? 2.2 : im19 ? 1.2 : 1) * (p.age() > 60 ? 1.3 : 1)
                    * (p.has(HEART_FAILURE) ? 1.5 : 1); // QT: FDA 2011/2012 citalopram label change
            case ESCITALOPRAM -> m *= (pm19 ? 1.8 : im19 ? 1.15 : 1) * (p.has(HEART_FAILURE) ? 1.2 : 1);
            case SERTRALINE -> m *= pm19 ? 1.6 : im19 ? 1.1 : 1;
            case PAROXETINE -> {
                String d6 = p.phenotype(Gene.CYP2D6);
                m *= (d6.equals(Pharmacogenetics.PM) ? 2.0 : d6.equals(Pharmacogenetics.IM) ? 1.2 : 1)
                        * (p.age() >= 65 ? 1.5 : 1); // anticholinergic; Beers criteria
            }
            default -> m *= 1.0;
        }
        return m;
    }
}
