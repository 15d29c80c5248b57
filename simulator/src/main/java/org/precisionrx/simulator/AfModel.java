package org.precisionrx.simulator;

import static org.precisionrx.simulator.Comorbidity.DIABETES;
import static org.precisionrx.simulator.Comorbidity.HEART_FAILURE;
import static org.precisionrx.simulator.Comorbidity.HYPERTENSION;
import static org.precisionrx.simulator.Comorbidity.LIVER_DISEASE;
import static org.precisionrx.simulator.Comorbidity.PRIOR_MAJOR_BLEED;
import static org.precisionrx.simulator.Comorbidity.PRIOR_STROKE;

/**
 * Stroke prevention in atrial fibrillation. Success = 12 months without stroke/systemic embolism or
 * death, still on effective anticoagulation (for warfarin: INR control not so poor that therapy fails).
 * SAE = ISTH major bleeding. Parameters and sources: docs/simulator.md, section "af-stroke-prevention".
 */
final class AfModel implements IndicationModel {

    static final int WARFARIN = 0, APIXABAN = 1, RIVAROXABAN = 2, DABIGATRAN = 3, EDOXABAN = 4;
    /** Annual stroke/SE rate without anticoagulation by CHA2DS2-VASc 0..9 (Lip 2010, smoothed to be monotone). */
    static final double[] STROKE_RATE = {0.005, 0.013, 0.022, 0.032, 0.040, 0.067, 0.098, 0.098, 0.098, 0.122};
    /** Stroke/SE hazard ratio of each arm against trial warfarin (RE-LY, ROCKET AF, ARISTOTLE, ENGAGE). */
    static final double[] STROKE_HR = {1.0, 0.79, 0.88, 0.66, 0.87};
    /** Major bleeding hazard ratio against trial warfarin (same trials; dabigatran by age below). */
    static final double[] BLEED_HR = {1.0, 0.69, 1.04, 0.93, 0.80};
    /** 12-month discontinuation for reasons other than an SAE. */
    static final double[] DISCONTINUATION = {0.12, 0.10, 0.095, 0.10, 0.095};
    /** Stroke relative risk of trial warfarin (TTR ~55-68%) against no anticoagulation (Hart 2007: -64%). */
    static final double TRIAL_WARFARIN_RR = 0.38;
    static final double WARFARIN_MAJOR_BLEED = 0.021; // low-risk patient; cohort mean on warfarin ~7 %/year

    @Override
    public Indication indication() {
        return Indication.AF_STROKE_PREVENTION;
    }

    @Override
    public double[] prescribingLogits(Patient p) {
        double age = p.age() - 75;
        boolean crcl30 = p.crcl() < 30;
        boolean crcl50 = p.crcl() < 50;
        double black = p.ancestry() == Ancestry.BLACK_OR_AFRICAN_AMERICAN ? 1 : 0;
        return new double[] {
            0.1 + 0.03 * age + (crcl30 ? 1.8 : crcl50 ? 0.6 : 0) + (p.has(LIVER_DISEASE) ? 0.5 : 0)
                    + 0.5 * black + (p.has(HEART_FAILURE) ? 0.2 : 0) - (p.isFemale() ? 0.1 : 0),
            (p.has(PRIOR_MAJOR_BLEED) ? 0.6 : 0) + (p.age() >= 80 ? 0.3 : 0),
            -0.4 - 0.02 * age + (p.isFemale() ? 0 : 0.2),
            -1.4 - 0.05 * age - (crcl50 ? 1.5 : 0) - (p.has(PRIOR_MAJOR_BLEED) ? 0.5 : 0),
            -2.0 + (p.crcl() > 95 ? -0.5 : 0),
        };
    }

    @Override
    public ArmOutcome outcome(Patient p, int arm) {
        double poorControl = warfarinPoorControl(p);
        double rr = arm == WARFARIN ? 0.30 + 0.35 * poorControl : TRIAL_WARFARIN_RR * STROKE_HR[arm];
        if (arm == EDOXABAN && p.crcl() > 95) {
            rr *= 1.6; // FDA label: reduced efficacy with CrCl > 95 mL/min
        }
        if (arm != WARFARIN && p.crcl() < 25) {
            rr *= 1.3; // below trial eligibility; uncertain exposure
        }
        double stroke = STROKE_RATE[Math.min(cha2ds2Vasc(p), 9)] * rr;
        double death = 0.012 * StrictMath.exp(0.07 * (p.age() - 70)) * (p.has(HEART_FAILURE) ? 1.8 : 1)
                * (p.egfr() < 45 ? 1.5 : 1) * (arm == WARFARIN ? 1.0 : 0.90); // Ruff 2014: DOAC mortality RR 0.90
        double stop = DISCONTINUATION[arm] * (p.age() >= 80 ? 1.2 : 1)
                + (arm == DABIGATRAN && p.age() >= 75 ? 0.07 : 0); // dyspepsia, GI intolerance
        double warfarinFailure = arm == WARFARIN ? 0.5 * poorControl : 0;
        double success = (1 - stroke) * (1 - Math.min(death, 0.5)) * (1 - stop) * (1 - warfarinFailure);
        return ArmOutcome.of(success, WARFARIN_MAJOR_BLEED * bleedMultiplier(p, arm, poorControl));
    }

    private static double bleedMultiplier(Patient p, int arm, double poorControl) {
        double m = p.age() >= 75 ? 1.9 : p.age() >= 65 ? 1.4 : 1.0;
        m *= (p.has(PRIOR_MAJOR_BLEED) ? 2.0 : 1) * (p.has(PRIOR_STROKE) ? 1.3 : 1) * (p.has(HYPERTENSION) ? 1.15 : 1)
                * (p.has(LIVER_DISEASE) ? 1.8 : 1) * (p.alcoholUnitsWeek() >= 14 ? 1.5 : 1) * (p.omeprazole() ? 0.85 : 1);
        double renal = p.crcl() < 30 ? 2.0 : p.crcl() < 50 ? 1.5 : 1.0;
        m *= arm == APIXABAN ? 1 + 0.4 * (renal - 1) : renal; // ARISTOTLE renal subgroup (Hohnloser 2012)
        m *= arm != WARFARIN && p.crcl() < 25 ? 1.5 : 1;       // below DOAC trial eligibility
        switch (arm) {
            case WARFARIN -> m *= (0.75 + 1.0 * poorControl) * sensitivityMultiplier(p)
                    * (p.amiodarone() ? 1.5 : 1) * (p.strongCyp3a4Inhibitor() ? 1.5 : 1);
            case APIXABAN, RIVAROXABAN -> m *= BLEED_HR[arm] * (p.amiodarone() ? 1.3 : 1)
                    * (p.strongCyp3a4Inhibitor() ? 1.7 : 1) * (arm == RIVAROXABAN && p.age() >= 75 ? 1.1 : 1);
            case DABIGATRAN -> m *= (p.age() >= 75 ? 1.18 : 0.71) * (p.crcl() < 30 ? 2.5 : p.crcl() < 50 ? 1.4 : 1)
                    * (p.amiodarone() ? 1.3 : 1) * (p.strongCyp3a4Inhibitor() ? 1.3 : 1);
            default -> m *= BLEED_HR[arm] * (p.amiodarone() ? 1.2 : 1) * (p.strongCyp3a4Inhibitor() ? 1.3 : 1);
        }
        return m;
    }

    /** CHA2DS2-VASc without vascular disease (not simulated). */
    static int cha2ds2Vasc(Patient p) {
        int s = p.has(HEART_FAILURE) ? 1 : 0;
        s += p.has(HYPERTENSION) ? 1 : 0;
        s += p.age() >= 75 ? 2 : p.age() >= 65 ? 1 : 0;
        s += p.has(DIABETES) ? 1 : 0;
        s += p.has(PRIOR_STROKE) ? 2 : 0;
        s += p.isFemale() ? 1 : 0;
        return s;
    }

    /** SAMe-TT2R2 (Apostolakis 2013): predicts poor INR control on warfarin. */
    static int sameTt2r2(Patient p) {
        int history = (p.has(HYPERTENSION) ? 1 : 0) + (p.has(DIABETES) ? 1 : 0) + (p.has(HEART_FAILURE) ? 1 : 0)
                + (p.has(PRIOR_STROKE) ? 1 : 0) + (p.has(LIVER_DISEASE) ? 1 : 0)
                + (p.has(Comorbidity.CHRONIC_KIDNEY_DISEASE) ? 1 : 0);
        return (p.isFemale() ? 1 : 0) + (p.age() < 60 ? 1 : 0) + (history > 2 ? 1 : 0) + (p.amiodarone() ? 1 : 0)
                + (p.smoking() == Smoking.CURRENT ? 2 : 0) + (p.ancestry() == Ancestry.WHITE ? 0 : 2);
    }

    /** Warfarin sensitivity: CYP2C9 (IM 1, PM 2) + VKORC1 (AG 1, AA 2); 0 normal, 1-2 sensitive, 3+ highly. */
    static int sensitivity(Patient p) {
        String c9 = p.phenotype(Gene.CYP2C9);
        String vk = p.phenotype(Gene.VKORC1);
        return (c9.equals(Pharmacogenetics.PM) ? 2 : c9.equals(Pharmacogenetics.IM) ? 1 : 0)
                + (vk.equals(Pharmacogenetics.VKORC1_AA) ? 2 : vk.equals(Pharmacogenetics.VKORC1_AG) ? 1 : 0);
    }

    /** ENGAGE AF genetic substudy (Mega 2015): more early bleeding in sensitive and highly sensitive responders. */
    static double sensitivityMultiplier(Patient p) {
        int s = sensitivity(p);
        return s >= 3 ? 1.8 : s >= 1 ? 1.25 : 1.0;
    }

    /** P(INR control so poor that warfarin fails, roughly TTR below 50 %). */
    static double warfarinPoorControl(Patient p) {
        int s = sensitivity(p);
        return Rng.logistic(-2.2 + 0.35 * sameTt2r2(p) + (s >= 3 ? 0.7 : s >= 1 ? 0.3 : 0)
                + (p.highVitaminK() ? 0.6 : 0) + (p.alcoholUnitsWeek() >= 14 ? 0.4 : 0));
    }
}
