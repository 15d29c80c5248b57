package org.precisionrx.gateway.audit;

import java.time.Instant;

/**
 * What to look for in the audit trail. Every field but {@code limit} may be {@code null}, meaning
 * "any"; strings match exactly. {@code from} is inclusive, {@code to} exclusive. Results start
 * after {@code afterSequence}, so a caller pages by passing the last sequence it has seen.
 */
public record AuditFilter(String patientId, String subject, String action, AuditOutcome outcome, Boolean emergency,
        Instant from, Instant to, Long afterSequence, int limit) {

    public static final int MAX_LIMIT = 1000;

    /** No restriction other than the page size. */
    public static AuditFilter all(int limit) {
        return new AuditFilter(null, null, null, null, null, null, null, null, limit);
    }
}
