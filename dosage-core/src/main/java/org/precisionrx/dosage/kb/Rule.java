package org.precisionrx.dosage.kb;

import java.time.LocalDate;
import java.util.List;

/** One guideline or label statement: when its condition holds, its action applies. */
public record Rule(
        String id,
        Family family,
        List<String> indications,
        Condition when,
        IfUnknown ifUnknown,
        Action action,
        List<String> alternatives,
        String strength,
        String reason,
        Source source,
        LocalDate reviewed) {

    public enum Family { PHARMACOGENOMIC, RENAL, AGE, WEIGHT, HEPATIC, INTERACTION, LIFESTYLE }

    /** What a rule does when a fact its condition needs is missing. */
    public enum IfUnknown { INSUFFICIENT_DATA, WARN, IGNORE }

    public boolean appliesTo(String indication) {
        return indications.isEmpty() || indications.contains(indication);
    }
}
