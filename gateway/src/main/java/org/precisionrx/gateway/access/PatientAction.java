package org.precisionrx.gateway.access;

/** What a caller does with one patient's data; the code is the audit record's action. */
public enum PatientAction {
    PROFILE_READ("profile.read"),
    RECOMMENDATIONS("recommendations.request"),
    DOSE_RECOMMENDATION("dose.recommend"),
    DOSE_CHECK("dose.check"),
    IMPORT_PHARMCAT("import.pharmcat"),
    CARE_TEAM_READ("care-team.read"),
    CARE_TEAM_CHANGE("care-team.change"),
    PATIENT_LINK_CHANGE("patient-link.change");

    private final String code;

    PatientAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    boolean administrative() {
        return this == IMPORT_PHARMCAT || this == CARE_TEAM_READ || this == CARE_TEAM_CHANGE || this == PATIENT_LINK_CHANGE;
    }
}
