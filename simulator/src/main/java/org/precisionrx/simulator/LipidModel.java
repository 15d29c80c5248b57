package org.precisionrx.simulator;

import static org.precisionrx.simulator.Comorbidity.CHRONIC_KIDNEY_DISEASE;
import static org.precisionrx.simulator.Comorbidity.DIABETES;
import static org.precisionrx.simulator.Comorbidity.HYPERTENSION;
import static org.precisionrx.simulator.Comorbidity.LIVER_DISEASE;
import static org.precisionrx.simulator.Comorbidity.PRIOR_STROKE;

/**
 * Statin for hyperlipidaemia. Success = the LDL-C reduction the patient's risk calls for is reached and the
 * statin is still taken at 12 months. SAE = statin-associated muscle symptoms leading to discontinuation,
 * myopathy/rhabdomyolysis, or ALT above 3x ULN. Parameters and sources: docs/simulator.md, "hyperlipidaemia".
 */
final class LipidModel implements IndicationModel {

    static final int SIMVASTATIN = 0, ATORVASTATIN = 1, ROSUVASTATIN = 2, PRAVASTATIN = 3, FLUVASTATIN = 4;
    /** Mean LDL-C reduction (%) at the usual dose: 40, 40, 20, 40 and 80 mg XL (ACC/AHA intensity tables). */
    static final double[] LDL_REDUCTION = {37, 48, 49, 32, 35};
    /** Inter-individual SD of the LDL-C reduction (percentage points). */
    static final double RESPONSE_SD = 12;
    /** 12-month SAE probability in a low-risk patient. */
    static final double[] SAE_BASE = {0.040, 0.050, 0.050, 0.028, 0.030};

    @Override
    public Indication indication() {
        return Indication.HYPERLIPIDAEMIA;
    }

    @Override
    public double[] prescribingLogits(Patient p) {
        boolean highRisk = highRisk(p);
        return new double[] {
            0.3 - (highRisk ? 0.6 : 0) - (p.amiodarone() ? 1.0 : 0) - (p.strongCyp3a4Inhibitor() ? 1.5 : 0),
            0.0,
            -0.6 + (p.has(DIABETES) ? 0.5 : 0) + (p.has(PRIOR_STROKE) ? 0.4 : 0) - (p.crcl() < 30 ? 0.8 : 0),
            -1.6 + 0.04 * (p.age() - 65) + (p.has(LIVER_DISEASE) ? 0.8 : 0) + (p.strongCyp3a4Inhibitor() ? 0.8 : 0)
                    + (p.amiodarone() ? 0.5 : 0) + (p.has(CHRONIC_KIDNEY_DISEASE) ? 0.5 : 0),
            -2.8,
        };
    }

    @Override
    public ArmOutcome outcome(Patient p, int arm) {
        double required = highRisk(p) ? 42 : 25;
        double z = (LDL_REDUCTION[arm] + responseShift(p, arm) - required) / RESPONSE_SD;
        double goal = Rng.logistic(1.702 * z); // logistic approximation of the normal CDF
        double stop = 0.12 + (p.age() < 50 ? 0.05 : 0) + (p.smoking() == Smoking.CURRENT ? 0.04 : 0)
                + (p.alcoholUnitsWeek() >= 21 ? 0.04 : 0);
        return ArmOutcome.of(goal * (1 - stop), SAE_BASE[arm] * saeMultiplier(p, arm));
    }

    /** Secondary prevention or diabetes with another risk factor: a >=50 % reduction is targeted. */
    static boolean highRisk(Patient p) {
        return p.has(PRIOR_STROKE) || (p.has(DIABETES) && (p.has(HYPERTENSION) || p.egfr() < 60
                || p.smoking() == Smoking.CURRENT));
    }

    /** Exposure changes that alter the LDL-C response (percentage points). */
    private static double responseShift(Patient p, int arm) {
        String slco = p.phenotype(Gene.SLCO1B1);
        double shift = slco.equals(Pharmacogenetics.POOR_FUNCTION) ? -4 : slco.equals(Pharmacogenetics.DECREASED_FUNCTION) ? -2 : 0;
        if (arm == ROSUVASTATIN) {
            String abcg2 = p.phenotype(Gene.ABCG2);
            shift = shift / 2 + (abcg2.equals(Pharmacogenetics.POOR_FUNCTION) ? 3
                    : abcg2.equals(Pharmacogenetics.DECREASED_FUNCTION) ? 1.5 : 0)
                    + (p.ancestry() == Ancestry.ASIAN ? 2 : 0);
        } else if (arm == FLUVASTATIN) {
            String c9 = p.phenotype(Gene.CYP2C9);
            shift += c9.equals(Pharmacogenetics.PM) ? 4 : c9.equals(Pharmacogenetics.IM) ? 2 : 0;
        }
        return shift;
    }

    private static double saeMultiplier(Patient p, int arm) {
        double m = (p.age() >= 75 ? 1.4 : 1) * (p.isFemale() ? 1.2 : 1) * (p.bmi() < 20 ? 1.3 : 1)
                * (p.crcl() < 30 ? 1.5 : 1) * (p.has(LIVER_DISEASE) ? 1.8 : 1)
                * (p.alcoholUnitsWeek() >= 21 ? 1.4 : 1) * (p.has(DIABETES) ? 1.1 : 1);
        String slco = p.phenotype(Gene.SLCO1B1);
        boolean poor = slco.equals(Pharmacogenetics.POOR_FUNCTION);
        boolean decreased = slco.equals(Pharmacogenetics.DECREASED_FUNCTION);
        switch (arm) {
            case SIMVASTATIN -> m *= (poor ? 5.0 : decreased ? 2.0 : 1) * (p.strongCyp3a4Inhibitor() ? 6.0 : 1)
                    * (p.amiodarone() ? 2.5 : 1);
            case ATORVASTATIN -> m *= (poor ? 2.0 : decreased ? 1.3 : 1) * (p.strongCyp3a4Inhibitor() ? 2.5 : 1)
                    * (p.amiodarone() ? 1.3 : 1);
            case ROSUVASTATIN -> {
                String abcg2 = p.phenotype(Gene.ABCG2);
                m *= (poor ? 1.6 : decreased ? 1.2 : 1)
                        * (abcg2.equals(Pharmacogenetics.POOR_FUNCTION) ? 3.0
                                : abcg2.equals(Pharmacogenetics.DECREASED_FUNCTION) ? 1.6 : 1)
                        * (p.ancestry() == Ancestry.ASIAN ? 1.5 : 1) * (p.crcl() < 30 ? 1.7 : 1);
            }
            case PRAVASTATIN -> m *= poor ? 1.6 : decreased ? 1.2 : 1;
            default -> {
                String c9 = p.phenotype(Gene.CYP2C9);
                m *= (poor ? 1.3 : decreased ? 1.1 : 1)
                        * (c9.equals(Pharmacogenetics.PM) ? 2.5 : c9.equals(Pharmacogenetics.IM) ? 1.5 : 1);
            }
        }
        return m;
    }
}
