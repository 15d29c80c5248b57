package org.precisionrx.simulator;

/** Kidney function estimates from serum creatinine (mg/dL). */
public final class Renal {

    private Renal() {
    }

    /** Cockcroft-Gault creatinine clearance (mL/min) with actual body weight (Cockcroft & Gault 1976). */
    public static double cockcroftGault(int age, double weightKg, double creatinineMgDl, Sex sex) {
        double crcl = (140.0 - age) * weightKg / (72.0 * creatinineMgDl);
        return sex == Sex.FEMALE ? crcl * 0.85 : crcl;
    }

    /** CKD-EPI 2021 race-free creatinine equation, mL/min/1.73 m2 (Inker et al., NEJM 2021). */
    public static double ckdEpi2021(int age, double creatinineMgDl, Sex sex) {
        boolean female = sex == Sex.FEMALE;
        double kappa = female ? 0.7 : 0.9;
        double alpha = female ? -0.241 : -0.302;
        double ratio = creatinineMgDl / kappa;
        double egfr = 142.0 * StrictMath.pow(Math.min(ratio, 1.0), alpha) * StrictMath.pow(Math.max(ratio, 1.0), -1.200)
                * StrictMath.pow(0.9938, age);
        return female ? egfr * 1.012 : egfr;
    }
}
