package org.precisionrx.profile.ingest;

import java.time.Instant;

/** A measured value already converted to the field's canonical unit; observedAt is null when unknown. */
public record Measurement(double value, Instant observedAt) {
}
