package org.precisionrx.profile.fhir;

import static org.precisionrx.profile.fhir.FhirValues.RXNORM;
import static org.precisionrx.profile.fhir.FhirValues.SNOMED;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Coding;
import org.precisionrx.profile.ingest.AllergyFact;

/** AllergyIntolerance -> AllergyFact. Absent clinicalStatus counts as active: for safety, assume it applies. */
final class AllergyMapper {

    private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

    void map(PayloadEntry entry, PatientRecordBuilder out, Skips skips) {
        AllergyIntolerance allergy = (AllergyIntolerance) entry.resource();
        for (String excluded : new String[] {"refuted", "entered-in-error"}) {
            if (FhirValues.hasCode(allergy.getVerificationStatus(), VERIFICATION, excluded)) {
                skips.add("AllergyIntolerance (" + excluded + ")");
                return;
            }
        }
        Coding coding = FhirValues.preferredCoding(allergy.getCode(), SNOMED, RXNORM);
        String text = FhirValues.text(allergy.getCode());
        if (coding == null && text == null) {
            out.problem(entry, "code", "allergy has neither a code nor a text");
            return;
        }
        String key = out.sourceKey(entry);
        if (key == null) {
            return;
        }
        boolean active = !allergy.hasClinicalStatus()
                || allergy.getClinicalStatus().getCoding().stream().anyMatch(c -> "active".equals(c.getCode()));
        String display = coding != null && coding.hasDisplay() ? coding.getDisplay() : text;
        out.allergies.add(new AllergyFact(key, coding == null ? null : coding.getSystem(),
                coding == null ? null : coding.getCode(), display, active));
    }
}
