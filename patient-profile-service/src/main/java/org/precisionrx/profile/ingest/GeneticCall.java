package org.precisionrx.profile.ingest;

import java.time.Instant;

/**
 * A genotype call for one gene. Either the diplotype or the reported phenotype must be present;
 * the profile translates the diplotype itself and keeps the reported values for comparison.
 */
public record GeneticCall(
        String gene,
        String diplotype,
        String reportedPhenotype,
        Double reportedActivityScore,
        GeneticSource source,
        Instant reportedAt) {

    public enum GeneticSource { FHIR, PHARMCAT, MANUAL }
}
