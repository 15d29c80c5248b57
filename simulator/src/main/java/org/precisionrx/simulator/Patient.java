package org.precisionrx.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One simulated adult. {@code genotypes} always holds the true genotype of every gene (outcomes depend on
 * it); {@code pgxTested} says whether the record shows it, else the CSV says UNKNOWN and FHIR has no
 * genomics Observations.
 */
public record Patient(
        String id, String mrn, Indication indication, int age, Sex sex, Ancestry ancestry,
        double heightCm, double weightKg, double bmi, double creatinine, double crcl, double egfr,
        Set<Comorbidity> conditions, Smoking smoking, double alcoholUnitsWeek, boolean highVitaminK,
        boolean amiodarone, boolean omeprazole, boolean strongCyp3a4Inhibitor,
        Map<Gene, Genotype> genotypes, boolean pgxTested) {

    public Patient {
        // Enum-ordered copies: iteration order is part of the byte-identical output.
        EnumSet<Comorbidity> c = EnumSet.noneOf(Comorbidity.class);
        c.addAll(conditions);
        conditions = Collections.unmodifiableSet(c);
        genotypes = Collections.unmodifiableMap(new EnumMap<>(genotypes));
    }

    public boolean has(Comorbidity c) {
        return conditions.contains(c);
    }

    /** True phenotype (used by the outcome model whether or not the gene was tested). */
    public String phenotype(Gene gene) {
        return genotypes.get(gene).phenotype();
    }

    /** What the record shows: the phenotype, or UNKNOWN when the patient has no PGx results. */
    public String observedPhenotype(Gene gene) {
        return pgxTested ? phenotype(gene) : Pharmacogenetics.UNKNOWN;
    }

    public boolean isFemale() {
        return sex == Sex.FEMALE;
    }

    public String ageBand() {
        return age < 50 ? "18-49" : age < 65 ? "50-64" : age < 80 ? "65-79" : "80+";
    }
}
