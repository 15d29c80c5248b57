package org.precisionrx.profile.service;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

/**
 * Recognises a write that lost a race with a concurrent write of the same patient: a stale version
 * (optimistic lock) or a unique key another transaction took first (e.g. both creating the patient).
 */
public final class WriteConflicts {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private WriteConflicts() {
    }

    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
