package org.precisionrx.profile.ingest;

/**
 * Why some input could not be accepted.
 *
 * @param resource which input item, e.g. {@code Observation/abc} or {@code line 3}
 * @param field the offending field, e.g. {@code valueQuantity.unit}
 * @param reason a sentence a person can act on
 */
public record ImportProblem(String resource, String field, String reason) {
}
