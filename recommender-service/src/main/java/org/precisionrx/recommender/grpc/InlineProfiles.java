package org.precisionrx.recommender.grpc;

import org.precisionrx.grpc.Statuses;
import org.precisionrx.profile.v1.PatientProfile;

/** A profile sent inline by a caller is checked before it is scored: no NaN or negative measures. */
final class InlineProfiles {

    private InlineProfiles() {
    }

    static PatientProfile checked(PatientProfile profile) {
        var derived = profile.getDerived();
        measure("profile.derived.age_years", derived.hasAgeYears(), derived.getAgeYears());
        measure("profile.derived.bmi", derived.hasBmi(), derived.getBmi());
        measure("profile.derived.creatinine_clearance_ml_min", derived.hasCreatinineClearanceMlMin(),
                derived.getCreatinineClearanceMlMin());
        measure("profile.derived.egfr_ml_min_1_73m2", derived.hasEgfrMlMin173M2(), derived.getEgfrMlMin173M2());
        var lifestyle = profile.getLifestyle();
        measure("profile.lifestyle.alcohol_units_per_week", lifestyle.hasAlcoholUnitsPerWeek(), lifestyle.getAlcoholUnitsPerWeek());
        return profile;
    }

    private static void measure(String field, boolean present, double value) {
        if (present && (!Double.isFinite(value) || value < 0)) {
            throw Statuses.invalidArgument(field, "must be a finite, non-negative number");
        }
    }
}
