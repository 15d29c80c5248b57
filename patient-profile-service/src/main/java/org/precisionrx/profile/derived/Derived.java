package org.precisionrx.profile.derived;

import java.time.LocalDate;
import java.util.List;

import org.precisionrx.profile.entity.LabResultEntity;

/**
 * Values computed from a stored profile on the day of reading. Absent values are null and come
 * with a {@link Gap} that says why.
 */
public record Derived(
        LocalDate computedOn,
        Integer ageYears,
        Double bmi,
        Double serumCreatinineMgDl,
        Double creatinineClearanceMlMin,
        Double egfr,
        EgfrSource egfrSource,
        List<LabResultEntity> latestLabs,
        List<Gap> gaps) {

    public enum EgfrSource { MEASURED, CKD_EPI_2021 }

    /** Something missing from the profile, and what it blocks. */
    public record Gap(String field, String reason) {
    }
}
