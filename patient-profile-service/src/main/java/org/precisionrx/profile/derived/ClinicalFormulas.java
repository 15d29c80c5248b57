package org.precisionrx.profile.derived;

import java.time.LocalDate;
import java.time.Period;

import org.precisionrx.profile.ingest.Demographics.SexAtBirth;

/**
 * Published bedside formulas. Inputs are in the units named; callers check that a formula applies
 * (adults, known sex) before calling.
 */
public final class ClinicalFormulas {

    private ClinicalFormulas() {
    }

    /** Completed years between birth and the given day. */
    public static int ageYears(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    /** Body-mass index, kg/m². */
    public static double bmi(double weightKg, double heightCm) {
        double heightM = heightCm / 100.0;
        return weightKg / (heightM * heightM);
    }

    /**
     * Creatinine clearance by Cockcroft-Gault (Nephron 1976;16:31-41) with actual body weight:
     * (140 - age) x weight / (72 x SCr), x 0.85 for women. mL/min.
     */
    public static double cockcroftGault(int ageYears, double weightKg, SexAtBirth sex, double creatinineMgDl) {
        double clearance = (140.0 - ageYears) * weightKg / (72.0 * creatinineMgDl);
        return sex == SexAtBirth.FEMALE ? clearance * 0.85 : clearance;
    }

    /**
     * eGFR by the race-free CKD-EPI 2021 creatinine equation (Inker et al., NEJM 2021;385:1737-49):
     * 142 x min(SCr/k, 1)^a x max(SCr/k, 1)^-1.200 x 0.9938^age [x 1.012 if female],
     * k = 0.7 (F) / 0.9 (M), a = -0.241 (F) / -0.302 (M). mL/min/1.73 m².
     */
    public static double ckdEpi2021(int ageYears, SexAtBirth sex, double creatinineMgDl) {
        boolean female = sex == SexAtBirth.FEMALE;
        double kappa = female ? 0.7 : 0.9;
        double alpha = female ? -0.241 : -0.302;
        double ratio = creatinineMgDl / kappa;
        double egfr = 142.0
                * Math.pow(Math.min(ratio, 1.0), alpha)
                * Math.pow(Math.max(ratio, 1.0), -1.200)
                * Math.pow(0.9938, ageYears);
        return female ? egfr * 1.012 : egfr;
    }
}
