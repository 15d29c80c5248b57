package org.precisionrx.gateway.audit;

/** How an audited access ended. Stored by name, so the names are part of the table's contract. */
public enum AuditOutcome {
    /** The caller got everything asked for. */
    SUCCESS,
    /** The caller got an answer, but part of it was missing (a service behind the gateway failed). */
    PARTIAL,
    /** The access policy refused the access. */
    DENIED,
    /** The access was allowed but could not be carried out. */
    FAILED
}
