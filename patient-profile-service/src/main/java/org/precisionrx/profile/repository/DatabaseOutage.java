package org.precisionrx.profile.repository;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that cannot be reached (down, restarting, crashed mid-transaction) from a
 * failure of the request itself, so that callers get a retryable UNAVAILABLE rather than an
 * internal error or a misleading "conflict".
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** True when {@code failure} or one of its causes says the connection to the database failed. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && (connectionState(sql.getSQLState()) || poolTimedOut(sql))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P (the server shut down or crashed, or is starting). */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** Agroal gives up waiting for a connection it cannot open with a plain SQLException, without a state. */
    private static boolean poolTimedOut(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
    }
}
