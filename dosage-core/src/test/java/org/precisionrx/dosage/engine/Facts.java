package org.precisionrx.dosage.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.precisionrx.dosage.facts.PatientFacts;

/** A builder of patient facts for tests: an adult with normal renal function unless told otherwise. */
public final class Facts {

    Integer age = 50;
    String sex = "MALE";
    Double weight = 80.0;
    Double height = 178.0;
    Double crcl = 90.0;
    Double egfr = 90.0;
    Double creatinine = 1.0;
    final Map<String, String> phenotypes = new HashMap<>();
    final Map<String, Double> scores = new HashMap<>();
    final Map<String, String> diplotypes = new HashMap<>();
    final Map<String, Boolean> hla = new HashMap<>();
    final Set<String> medications = new HashSet<>();
    final Set<String> conditions = new HashSet<>();
    final Set<String> diet = new HashSet<>();
    String smoking = "NEVER";
    String ancestry = "WHITE";

    public static Facts adult() {
        return new Facts();
    }

    public Facts age(Integer value) {
        age = value;
        return this;
    }

    public Facts weight(Double value) {
        weight = value;
        return this;
    }

    public Facts crcl(Double value) {
        crcl = value;
        return this;
    }

    public Facts creatinine(Double value) {
        creatinine = value;
        return this;
    }

    public Facts phenotype(String gene, String phenotype) {
        phenotypes.put(gene, phenotype);
        return this;
    }

    public Facts diplotype(String gene, String diplotype) {
        diplotypes.put(gene, diplotype);
        return this;
    }

    public Facts hla(String allele, boolean carrier) {
        hla.put(allele, carrier);
        return this;
    }

    public Facts taking(String drug) {
        medications.add(drug);
        return this;
    }

    public PatientFacts build() {
        return new PatientFacts(age, sex, weight, height, crcl, egfr, creatinine, phenotypes, scores, diplotypes, hla,
                medications, conditions, diet, smoking, ancestry);
    }
}
