package org.precisionrx.simulator;

/** Comorbidities with their CSV column and the SNOMED CT code written to FHIR Conditions. */
public enum Comorbidity {
    ATRIAL_FIBRILLATION("af", "49436004", "Atrial fibrillation"),
    CHRONIC_KIDNEY_DISEASE("ckd", "709044004", "Chronic kidney disease"),
    LIVER_DISEASE("liver_disease", "235856003", "Disorder of liver"),
    PRIOR_MAJOR_BLEED("prior_major_bleed", "74474003", "Gastrointestinal hemorrhage"),
    PRIOR_STROKE("prior_stroke", "230690007", "Cerebrovascular accident"),
    HEART_FAILURE("heart_failure", "84114007", "Heart failure"),
    DIABETES("diabetes", "44054006", "Diabetes mellitus type 2"),
    HYPERTENSION("hypertension", "38341003", "Hypertensive disorder, systemic arterial");

    public final String column;
    public final String snomed;
    public final String display;

    Comorbidity(String column, String snomed, String display) {
        this.column = column;
        this.snomed = snomed;
        this.display = display;
    }
}
