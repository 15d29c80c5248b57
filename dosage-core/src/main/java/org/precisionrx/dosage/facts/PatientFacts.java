package org.precisionrx.dosage.facts;

import java.util.Map;
import java.util.Set;

/**
 * What the dosing rules may read about a patient. A null value is unknown and is never replaced
 * by a normal value. Sets list what is known to be present (active medications, conditions, diet
 * flags); absence from them counts as "not present".
 *
 * @param phenotypes determinate CPIC phenotypes by gene (Indeterminate calls are left out)
 * @param diplotypes normalised diplotypes by gene, for dose models
 * @param hla carrier status by allele, e.g. {@code HLA-B*57:01 -> false}
 */
public record PatientFacts(
        Integer ageYears,
        String sex,
        Double weightKg,
        Double heightCm,
        Double crclMlMin,
        Double egfr,
        Double serumCreatinineMgDl,
        Map<String, String> phenotypes,
        Map<String, Double> activityScores,
        Map<String, String> diplotypes,
        Map<String, Boolean> hla,
        Set<String> activeMedications,
        Set<String> conditions,
        Set<String> dietFlags,
        String smoking,
        String ancestry) {

    public PatientFacts {
        phenotypes = Map.copyOf(phenotypes);
        activityScores = Map.copyOf(activityScores);
        diplotypes = Map.copyOf(diplotypes);
        hla = Map.copyOf(hla);
        activeMedications = Set.copyOf(activeMedications);
        conditions = Set.copyOf(conditions);
        dietFlags = Set.copyOf(dietFlags);
    }
}
