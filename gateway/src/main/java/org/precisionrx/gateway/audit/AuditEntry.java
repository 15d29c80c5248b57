package org.precisionrx.gateway.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A record as stored: its place in the chain, when it was written (microsecond precision, as
 * PostgreSQL keeps it), the hash of the record before it and its own hash.
 */
public record AuditEntry(long sequence, Instant recordedAt, AuditRecord record, String previousHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
