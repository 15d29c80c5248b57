package org.precisionrx.profile.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.precisionrx.profile.derived.Derived.EgfrSource;
import org.precisionrx.profile.derived.Derived.Gap;
import org.precisionrx.profile.entity.LabResultEntity;
import org.precisionrx.profile.entity.PatientEntity;
import org.precisionrx.profile.ingest.Demographics.SexAtBirth;

class DerivedValuesCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final DerivedValuesCalculator calculator = new DerivedValuesCalculator(Set.of("CYP2C19"));

    @Test
    void adultWithCreatinineGetsClearanceAndCkdEpiWhenNoEgfrIsReported() {
        PatientEntity p = adult(SexAtBirth.MALE);
        p.labs.add(lab("2160-0", 1.2, "mg/dL", "2026-10-01T08:00:00Z", "a"));
        p.labs.add(lab("2160-0", 1.0, "mg/dL", "2026-11-01T08:00:00Z", "b"));

        Derived d = calculator.compute(p, TODAY);

        assertThat(d.ageYears()).isEqualTo(68);
        assertThat(d.bmi()).isCloseTo(26.04, within(0.01));
        // latest creatinine 1.0: (140 - 68) x 82.5 / 72 = 82.5
        assertThat(d.creatinineClearanceMlMin()).isCloseTo(82.5, within(0.01));
        assertThat(d.egfrSource()).isEqualTo(EgfrSource.CKD_EPI_2021);
        assertThat(d.egfr()).isCloseTo(ClinicalFormulas.ckdEpi2021(68, SexAtBirth.MALE, 1.0), within(1e-9));
        assertThat(d.latestLabs()).extracting(l -> l.sourceKey).containsExactly("b");
        assertThat(d.gaps()).extracting(Gap::field).containsExactly("genetics.CYP2C19");
    }

    @Test
    void reportedEgfrWinsOverTheEstimateAndMicromolesAreConverted() {
        PatientEntity p = adult(SexAtBirth.FEMALE);
        p.labs.add(lab("14682-9", 88.42, "umol/L", "2026-11-01T08:00:00Z", "scr"));
        p.labs.add(lab("98979-8", 62, "mL/min/{1.73_m2}", "2026-11-01T08:00:00Z", "egfr"));

        Derived d = calculator.compute(p, TODAY);

        assertThat(d.egfrSource()).isEqualTo(EgfrSource.MEASURED);
        assertThat(d.egfr()).isEqualTo(62.0);
        // 88.42 umol/L = 1.0 mg/dL; women x 0.85
        assertThat(d.creatinineClearanceMlMin()).isCloseTo(82.5 * 0.85, within(0.01));
    }

    @Test
    void childrenGetNoAdultRenalFormulas() {
        PatientEntity p = adult(SexAtBirth.FEMALE);
        p.birthDate = LocalDate.of(2015, 1, 1);
        p.labs.add(lab("2160-0", 0.5, "mg/dL", "2026-11-01T08:00:00Z", "scr"));

        Derived d = calculator.compute(p, TODAY);

        assertThat(d.ageYears()).isEqualTo(11);
        assertThat(d.creatinineClearanceMlMin()).isNull();
        assertThat(d.egfr()).isNull();
        assertThat(d.gaps()).extracting(Gap::reason).contains("adult formulas are not applied under 18 years");
    }

    @Test
    void missingInputsAreGapsNeverAssumedNormal() {
        PatientEntity p = new PatientEntity();
        p.labs.add(lab("2160-0", 1.0, "mg/mmol", null, "scr"));

        Derived d = calculator.compute(p, TODAY);

        assertThat(d.ageYears()).isNull();
        assertThat(d.bmi()).isNull();
        assertThat(d.creatinineClearanceMlMin()).isNull();
        assertThat(d.egfr()).isNull();
        assertThat(d.gaps()).extracting(Gap::field).contains(
                "demographics.birth_date", "demographics.weight_kg", "demographics.height_cm",
                "labs.serum_creatinine", "demographics.sex_at_birth", "derived.egfr", "demographics.ancestry",
                "lifestyle.smoking", "genetics.CYP2C19");
    }

    @Test
    void clearanceNeedsWeight() {
        PatientEntity p = adult(SexAtBirth.MALE);
        p.weightKg = null;
        p.labs.add(lab("2160-0", 1.0, "mg/dL", "2026-11-01T08:00:00Z", "scr"));

        Derived d = calculator.compute(p, TODAY);

        assertThat(d.creatinineClearanceMlMin()).isNull();
        assertThat(d.egfr()).isNotNull();
        assertThat(d.gaps()).extracting(Gap::reason).contains("Cockcroft-Gault needs body weight");
    }

    private static PatientEntity adult(SexAtBirth sex) {
        PatientEntity p = new PatientEntity();
        p.birthDate = LocalDate.of(1958, 3, 14);
        p.sexAtBirth = sex;
        p.weightKg = 82.5;
        p.heightCm = 178.0;
        p.ancestry = org.precisionrx.profile.ingest.Demographics.Ancestry.WHITE;
        p.smoking = org.precisionrx.profile.ingest.Lifestyle.SmokingStatus.NEVER;
        return p;
    }

    private static LabResultEntity lab(String loinc, double value, String unit, String at, String key) {
        LabResultEntity lab = new LabResultEntity();
        lab.loinc = loinc;
        lab.value = value;
        lab.unit = unit;
        lab.effectiveAt = at == null ? null : Instant.parse(at);
        lab.sourceKey = key;
        return lab;
    }
}
