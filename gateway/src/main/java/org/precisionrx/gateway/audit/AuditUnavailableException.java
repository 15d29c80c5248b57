package org.precisionrx.gateway.audit;

import java.sql.SQLException;

/**
 * An audit record could not be written, so the access it describes must not happen (fail closed:
 * the gateway answers 503 and returns no patient data).
 *
 * <p>The message names only exception classes and SQL states. Driver messages are left out and the
 * cause is not attached, because PostgreSQL quotes row values (patient ids, reasons) in its errors
 * and callers log this exception.
 */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message) {
        super(message);
    }

    /** Describes {@code failure} by the classes and SQL states along its cause chain. */
    public static AuditUnavailableException because(Throwable failure) {
        StringBuilder causes = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 8; depth++, current = current.getCause()) {
            if (depth > 0) {
                causes.append(" <- ");
            }
            causes.append(current.getClass().getName());
            if (current instanceof SQLException sql && sql.getSQLState() != null) {
                causes.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
        }
        return new AuditUnavailableException("audit record not written: " + causes);
    }
}
