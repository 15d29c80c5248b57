package org.precisionrx.profile.fhir;

import static org.precisionrx.profile.fhir.FhirValues.ICD10CM;
import static org.precisionrx.profile.fhir.FhirValues.SNOMED;

import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.precisionrx.profile.ingest.ConditionFact;

/** Condition -> ConditionFact. Refuted and entered-in-error diagnoses are skipped, not imported as inactive. */
final class ConditionMapper {

    private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");

    void map(PayloadEntry entry, PatientRecordBuilder out, Skips skips) {
        Condition condition = (Condition) entry.resource();
        for (String excluded : new String[] {"refuted", "entered-in-error"}) {
            if (FhirValues.hasCode(condition.getVerificationStatus(), VERIFICATION, excluded)) {
                skips.add("Condition (" + excluded + ")");
                return;
            }
        }
        Coding coding = FhirValues.preferredCoding(condition.getCode(), SNOMED, ICD10CM);
        if (coding == null) {
            out.problem(entry, "code", "condition has no coded diagnosis");
            return;
        }
        String key = out.sourceKey(entry);
        if (key == null) {
            return;
        }
        String display = coding.hasDisplay() ? coding.getDisplay() : FhirValues.text(condition.getCode());
        out.conditions.add(new ConditionFact(key, coding.getSystem(), coding.getCode(), display,
                active(condition), FhirValues.localDate(condition.getOnset())));
    }

    /** Active per clinicalStatus; without one, a condition with no abatement is taken as ongoing. */
    private static boolean active(Condition condition) {
        if (!condition.hasClinicalStatus()) {
            return !condition.hasAbatement();
        }
        return condition.getClinicalStatus().getCoding().stream().anyMatch(c -> ACTIVE.contains(c.getCode()));
    }
}
