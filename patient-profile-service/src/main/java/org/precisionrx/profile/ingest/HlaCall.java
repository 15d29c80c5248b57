package org.precisionrx.profile.ingest;

import java.time.Instant;

/** Carrier status for one HLA allele, e.g. {@code HLA-B*57:01} positive. */
public record HlaCall(String allele, boolean carrier, GeneticCall.GeneticSource source, Instant reportedAt) {
}
