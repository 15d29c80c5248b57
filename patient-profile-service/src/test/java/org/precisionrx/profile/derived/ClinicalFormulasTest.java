package org.precisionrx.profile.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.precisionrx.profile.ingest.Demographics.SexAtBirth;

/** Worked examples, computed by hand from the published equations. */
class ClinicalFormulasTest {

    @ParameterizedTest
    @CsvSource({
            "1958-03-14, 2026-11-25, 68",
            "1958-11-25, 2026-11-25, 68",
            "1958-11-26, 2026-11-25, 67",
            "2000-02-29, 2025-02-28, 24",
    })
    void ageInCompletedYears(LocalDate born, LocalDate on, int age) {
        assertThat(ClinicalFormulas.ageYears(born, on)).isEqualTo(age);
    }

    @ParameterizedTest
    @CsvSource({
            "82.5, 178, 26.04",
            "70, 175, 22.86",
            "120, 160, 46.88",
    })
    void bmi(double weightKg, double heightCm, double expected) {
        assertThat(ClinicalFormulas.bmi(weightKg, heightCm)).isCloseTo(expected, within(0.01));
    }

    @ParameterizedTest
    @CsvSource({
            // (140 - 60) x 72 / (72 x 1.0) = 80; women x 0.85 = 68
            "60, 72, MALE, 1.0, 80.0",
            "60, 72, FEMALE, 1.0, 68.0",
            // (140 - 68) x 82.5 / (72 x 1.2) = 68.75
            "68, 82.5, MALE, 1.2, 68.75",
            // (140 - 85) x 50 / (72 x 2.0) x 0.85 = 16.23
            "85, 50, FEMALE, 2.0, 16.232",
    })
    void cockcroftGault(int age, double weight, SexAtBirth sex, double scr, double expected) {
        assertThat(ClinicalFormulas.cockcroftGault(age, weight, sex, scr)).isCloseTo(expected, within(0.01));
    }

    @ParameterizedTest
    @CsvSource({
            // male 60, SCr 1.0: 142 x (1.0/0.9)^-1.2 x 0.9938^60 = 86.2
            "60, MALE, 1.0, 86.2",
            // female 60, SCr 0.6 (below kappa 0.7): 142 x (0.6/0.7)^-0.241 x 0.9938^60 x 1.012 = 102.7
            "60, FEMALE, 0.6, 102.7",
            // female 50, SCr 1.2: 142 x (1.2/0.7)^-1.2 x 0.9938^50 x 1.012 = 55.1
            "50, FEMALE, 1.2, 55.1",
            // male 80, SCr 2.5: 142 x (2.5/0.9)^-1.2 x 0.9938^80 = 25.3
            "80, MALE, 2.5, 25.3",
    })
    void ckdEpi2021(int age, SexAtBirth sex, double scr, double expected) {
        assertThat(ClinicalFormulas.ckdEpi2021(age, sex, scr)).isCloseTo(expected, within(0.1));
    }
}
