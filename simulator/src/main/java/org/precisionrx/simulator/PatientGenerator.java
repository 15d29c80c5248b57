package org.precisionrx.simulator;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws one patient for an indication. Every patient consumes a fixed sequence of draws from its own
 * stream, so patients are reproducible one by one. Joint structure: age drives comorbidities and
 * creatinine; BMI drives hypertension and diabetes; alcohol drives bleeding and liver disease;
 * comorbidities drive creatinine; creatinine gives CrCl and eGFR, and eGFR below 60 gives a coded CKD
 * diagnosis most of the time (under-coding is realistic).
 */
public final class PatientGenerator {

    private final double untestedFraction;

    /** @param untestedFraction share of patients without any pharmacogenomic results (e.g. 0.15) */
    public PatientGenerator(double untestedFraction) {
        this.untestedFraction = untestedFraction;
    }

    public Patient generate(Indication indication, String mrn, int index, SplittableRandom r) {
        PopulationProfile p = PopulationProfile.of(indication);
        Ancestry ancestry = Ancestry.values()[Rng.categorical(r, PopulationProfile.ANCESTRY_MIX)];
        Sex sex = Rng.bernoulli(r, p.femaleFraction()) ? Sex.FEMALE : Sex.MALE;
        int age = age(p, r);
        boolean female = sex == Sex.FEMALE;
        boolean asian = ancestry == Ancestry.ASIAN;

        double height = Rng.normal(r, female ? (asian ? 157 : 162) : (asian ? 170 : 176), female ? 6.5 : 7.0, 140, 205)
                - Math.max(0, age - 50) * 0.06;
        double bmi = Rng.normal(r, asian ? p.bmiMean() - 4.0 : p.bmiMean(), asian ? 4.0 : 5.5, 16.5, 55);
        height = Math.round(height);
        double weight = round(bmi * (height / 100) * (height / 100), 1);
        bmi = round(weight / ((height / 100) * (height / 100)), 1);

        Smoking smoking = Smoking.values()[Rng.categorical(r, p.smoking())];
        double drinkerP = (female ? 0.50 : 0.65) + (indication == Indication.DEPRESSION ? 0.05 : 0);
        double u = Rng.gaussian(r);
        double alcohol = Rng.bernoulli(r, drinkerP) ? round(Rng.clamp(StrictMath.exp(StrictMath.log(6) + 0.9 * u), 0.5, 100), 1) : 0;
        boolean highVitaminK = Rng.bernoulli(r, asian ? 0.22 : 0.15);

        EnumSet<Comorbidity> c = EnumSet.noneOf(Comorbidity.class);
        double black = ancestry == Ancestry.BLACK_OR_AFRICAN_AMERICAN ? 1 : 0;
        draw(c, Comorbidity.HYPERTENSION, p, PopulationProfile.HYPERTENSION, age, 0.06 * (bmi - 28) + 0.4 * black, r);
        draw(c, Comorbidity.DIABETES, p, PopulationProfile.DIABETES, age,
                0.08 * (bmi - 28) + 0.3 * (black + (asian ? 1 : 0)), r);
        draw(c, Comorbidity.ATRIAL_FIBRILLATION, p, PopulationProfile.AF, age, 0, r);
        draw(c, Comorbidity.HEART_FAILURE, p, PopulationProfile.HF, age, 0, r);
        draw(c, Comorbidity.PRIOR_STROKE, p, PopulationProfile.STROKE, age, 0, r);
        draw(c, Comorbidity.PRIOR_MAJOR_BLEED, p, PopulationProfile.BLEED, age, alcohol >= 14 ? 0.5 : 0, r);
        draw(c, Comorbidity.LIVER_DISEASE, p, PopulationProfile.LIVER, age, alcohol >= 21 ? 1.0 : 0, r);

        double creatinine = (female ? 0.66 : 0.85) * StrictMath.exp(0.006 * (age - 40) + 0.20 * Rng.gaussian(r))
                * (c.contains(Comorbidity.DIABETES) ? 1.10 : 1) * (c.contains(Comorbidity.HYPERTENSION) ? 1.08 : 1)
                * (c.contains(Comorbidity.HEART_FAILURE) ? 1.12 : 1);
        double advanced = r.nextDouble();
        if (Rng.bernoulli(r, 0.04)) {
            creatinine *= 1.8 + 1.7 * advanced; // advanced kidney disease
        }
        creatinine = round(Rng.clamp(creatinine, 0.4, 8.0), 2);
        double crcl = round(Renal.cockcroftGault(age, weight, creatinine, sex), 1);
        double egfr = round(Renal.ckdEpi2021(age, creatinine, sex), 1);
        double ckdCoded = egfr < 30 ? 0.95 : egfr < 60 ? 0.75 : 0.02;
        if (Rng.bernoulli(r, ckdCoded)) {
            c.add(Comorbidity.CHRONIC_KIDNEY_DISEASE);
        }

        boolean amiodarone = Rng.bernoulli(r, p.amiodarone() * (c.contains(Comorbidity.HEART_FAILURE) ? 2 : 1));
        boolean omeprazole = Rng.bernoulli(r, p.omeprazole() + (c.contains(Comorbidity.PRIOR_MAJOR_BLEED) ? 0.25 : 0)
                + (age >= 75 ? 0.05 : 0));
        boolean cyp3a4 = Rng.bernoulli(r, 0.03);

        boolean tested = !Rng.bernoulli(r, untestedFraction);
        Map<Gene, Genotype> genotypes = new EnumMap<>(Gene.class);
        for (Gene g : Gene.values()) {
            genotypes.put(g, Pharmacogenetics.sample(g, ancestry, r));
        }
        String id = String.format(Locale.ROOT, "%s-%06d", indication.id, index + 1);
        return new Patient(id, mrn, indication, age, sex, ancestry, height, weight, bmi, creatinine, crcl, egfr,
                c, smoking, alcohol, highVitaminK, amiodarone, omeprazole, cyp3a4, genotypes, tested);
    }

    /** Truncated normal by rejection (up to 50 tries, then clamped). */
    private static int age(PopulationProfile p, SplittableRandom r) {
        for (int i = 0; i < 50; i++) {
            double a = p.ageMean() + p.ageSd() * Rng.gaussian(r);
            if (a >= p.ageMin() && a < p.ageMax() + 1) {
                return (int) Math.floor(a);
            }
        }
        return (int) p.ageMean();
    }

    private static void draw(EnumSet<Comorbidity> c, Comorbidity condition, PopulationProfile p, int index,
            int age, double extraLogit, SplittableRandom r) {
        double p65 = p.prevalenceAt65()[index];
        double u = r.nextDouble(); // always consumed, so streams stay aligned
        boolean present;
        if (p65 >= 1.0) {
            present = true;
        } else {
            double logit = Rng.logit(p65) + StrictMath.log(PopulationProfile.OR_PER_DECADE[index]) * (age - 65) / 10.0
                    + extraLogit;
            present = u < Rng.logistic(logit);
        }
        if (present) {
            c.add(condition);
        }
    }

    static double round(double x, int decimals) {
        double f = StrictMath.pow(10, decimals);
        return Math.round(x * f) / f;
    }
}
