package org.precisionrx.gateway.access;

/** Why an access was allowed, or that it was not; decides the response view and the audit purpose. */
public enum Basis {
    /** A clinician on the patient's care team: the full clinical view. */
    CARE_TEAM("TREAT"),
    /** A clinician outside the care team who gave a reason: full view, audited as emergency access. */
    BREAK_GLASS("ETREAT"),
    /** A pharmacist: dosing only, and the medication-relevant part of the profile. */
    PHARMACY("TREAT"),
    /** A patient reading their own record: the patient-friendly view. */
    OWN_RECORD("PATRQT"),
    /** An admin managing care teams, links or imports: no clinical data. */
    ADMINISTRATION("HOPERAT"),
    /** An EHR calling a CDS service for a patient of its own tenant. */
    EHR_HOOK("TREAT"),
    DENIED(null);

    private final String purposeOfUse;

    Basis(String purposeOfUse) {
        this.purposeOfUse = purposeOfUse;
    }

    /** HL7 v3 PurposeOfUse code recorded in the audit trail. */
    public String purposeOfUse() {
        return purposeOfUse;
    }
}
