package org.precisionrx.dosage.engine;

import java.util.List;
import java.util.Set;

import org.precisionrx.dosage.kb.DoseEntry;
import org.precisionrx.dosage.kb.Range;
import org.precisionrx.dosage.kb.Rule;

/**
 * A dose recommendation in mg per day. {@code range} and {@code maxDaily} are null unless the
 * status is STANDARD or ADJUSTED: no range is offered where the drug should not be given or the
 * data to size it are missing.
 */
public record Recommendation(
        String drugId,
        String indicationId,
        Status status,
        Range range,
        Double maxDaily,
        DoseEntry dose,
        String regimen,
        List<Applied> applied,
        List<String> warnings,
        Set<String> alternatives,
        List<Missing> missing,
        List<ModelEstimate> estimates,
        String knowledgeBaseVersion) {

    public enum Status { STANDARD, ADJUSTED, AVOID, CONTRAINDICATED, INSUFFICIENT_DATA, OUT_OF_SCOPE }

    /** A rule that fired, and what it did in words. */
    public record Applied(Rule rule, String effect) {
    }

    /** A fact the recommendation needed, and why. */
    public record Missing(String fact, String reason) {
    }
}
