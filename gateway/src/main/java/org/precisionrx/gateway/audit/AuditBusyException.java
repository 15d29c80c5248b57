package org.precisionrx.gateway.audit;

/**
 * The audit writer's queue is full: more records are waiting for their commit than it holds. The
 * access is refused like any unrecorded access (503), with a hint to retry shortly.
 */
public class AuditBusyException extends AuditUnavailableException {

    public AuditBusyException(int waiting) {
        super("audit record not written: " + waiting + " records are already waiting for the audit trail");
    }
}
