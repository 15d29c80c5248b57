package org.precisionrx.profile.derived;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.precisionrx.profile.derived.Derived.EgfrSource;
import org.precisionrx.profile.derived.Derived.Gap;
import org.precisionrx.profile.entity.LabResultEntity;
import org.precisionrx.profile.entity.PatientEntity;
import org.precisionrx.profile.ingest.Demographics.SexAtBirth;

/**
 * Computes age, BMI, creatinine clearance, eGFR, latest labs and completeness gaps. Nothing is
 * assumed: a value whose inputs are missing or whose formula does not apply is left out, with a gap.
 */
public final class DerivedValuesCalculator {

    private static final int ADULT_AGE = 18;

    /** Genes whose absence the profile reports, because dosing rules read them. */
    private final Set<String> expectedGenes;

    public DerivedValuesCalculator(Set<String> expectedGenes) {
        this.expectedGenes = Set.copyOf(expectedGenes);
    }

    public Derived compute(PatientEntity patient, LocalDate today) {
        List<Gap> gaps = new ArrayList<>();
        Integer age = age(patient, today, gaps);
        Double bmi = bmi(patient, gaps);
        List<LabResultEntity> latest = latestByCode(patient.labs);
        Optional<LabResultEntity> creatinine = latestOf(latest, LabCodes.SERUM_CREATININE);
        Double creatinineMgDl = creatinineMgDl(creatinine, gaps);
        boolean adultWithSex = formulaApplies(age, patient.sexAtBirth, gaps);

        Double clearance = null;
        if (adultWithSex && creatinineMgDl != null) {
            if (patient.weightKg == null) {
                gaps.add(new Gap("derived.creatinine_clearance_ml_min", "Cockcroft-Gault needs body weight"));
            } else {
                clearance = ClinicalFormulas.cockcroftGault(age, patient.weightKg, patient.sexAtBirth, creatinineMgDl);
            }
        }

        Double egfr = null;
        EgfrSource egfrSource = null;
        Optional<LabResultEntity> reported = latestOf(latest, LabCodes.REPORTED_EGFR)
                .filter(lab -> LabCodes.isEgfrUnit(lab.unit));
        if (reported.isPresent()) {
            egfr = reported.get().value;
            egfrSource = EgfrSource.MEASURED;
        } else if (adultWithSex && creatinineMgDl != null) {
            egfr = ClinicalFormulas.ckdEpi2021(age, patient.sexAtBirth, creatinineMgDl);
            egfrSource = EgfrSource.CKD_EPI_2021;
        } else {
            gaps.add(new Gap("derived.egfr", "no reported eGFR, and CKD-EPI 2021 needs an adult age, sex and creatinine"));
        }

        completenessGaps(patient, gaps);
        return new Derived(today, age, bmi, creatinineMgDl, clearance, egfr, egfrSource, latest, List.copyOf(gaps));
    }

    private static Integer age(PatientEntity patient, LocalDate today, List<Gap> gaps) {
        if (patient.birthDate == null) {
            gaps.add(new Gap("demographics.birth_date", "no birth date on file"));
            return null;
        }
        return ClinicalFormulas.ageYears(patient.birthDate, today);
    }

    private static Double bmi(PatientEntity patient, List<Gap> gaps) {
        if (patient.weightKg == null) {
            gaps.add(new Gap("demographics.weight_kg", "no body weight on file"));
        }
        if (patient.heightCm == null) {
            gaps.add(new Gap("demographics.height_cm", "no body height on file"));
        }
        return patient.weightKg == null || patient.heightCm == null
                ? null
                : ClinicalFormulas.bmi(patient.weightKg, patient.heightCm);
    }

    private static Double creatinineMgDl(Optional<LabResultEntity> creatinine, List<Gap> gaps) {
        if (creatinine.isEmpty()) {
            gaps.add(new Gap("labs.serum_creatinine", "no serum creatinine result on file"));
            return null;
        }
        OptionalDouble mgDl = LabCodes.creatinineMgDl(creatinine.get().value, creatinine.get().unit);
        if (mgDl.isEmpty()) {
            gaps.add(new Gap("labs.serum_creatinine", "creatinine unit '" + creatinine.get().unit + "' is not convertible to mg/dL"));
            return null;
        }
        return mgDl.getAsDouble();
    }

    /** Cockcroft-Gault and CKD-EPI are validated in adults and need sex at birth. */
    private static boolean formulaApplies(Integer age, SexAtBirth sex, List<Gap> gaps) {
        if (age != null && age < ADULT_AGE) {
            gaps.add(new Gap("derived.creatinine_clearance_ml_min", "adult formulas are not applied under 18 years"));
            return false;
        }
        if (sex != SexAtBirth.FEMALE && sex != SexAtBirth.MALE) {
            gaps.add(new Gap("demographics.sex_at_birth", "sex at birth is not known; renal formulas need it"));
            return false;
        }
        return age != null;
    }

    private void completenessGaps(PatientEntity patient, List<Gap> gaps) {
        if (patient.ancestry == null) {
            gaps.add(new Gap("demographics.ancestry", "no self-reported ancestry on file"));
        }
        if (patient.smoking == null) {
            gaps.add(new Gap("lifestyle.smoking", "no smoking status on file"));
        }
        Set<String> present = patient.genetics.stream().map(g -> g.gene).collect(Collectors.toSet());
        expectedGenes.stream().sorted().filter(gene -> !present.contains(gene))
                .forEach(gene -> gaps.add(new Gap("genetics." + gene, "no " + gene + " result on file")));
    }

    /** The most recent result per LOINC code, in code order; results without a time rank oldest. */
    static List<LabResultEntity> latestByCode(List<LabResultEntity> labs) {
        Comparator<LabResultEntity> byTime = Comparator.comparing(
                (LabResultEntity lab) -> lab.effectiveAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(lab -> lab.sourceKey);
        Map<String, LabResultEntity> latest = labs.stream()
                .collect(Collectors.toMap(lab -> lab.loinc, Function.identity(),
                        (a, b) -> byTime.compare(a, b) >= 0 ? a : b, LinkedHashMap::new));
        return latest.values().stream().sorted(Comparator.comparing(lab -> lab.loinc)).toList();
    }

    private static Optional<LabResultEntity> latestOf(List<LabResultEntity> latest, Set<String> codes) {
        return latest.stream().filter(lab -> codes.contains(lab.loinc))
                .max(Comparator.comparing((LabResultEntity lab) -> lab.effectiveAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())));
    }
}
