package org.precisionrx.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reading {@code audit_event} rows: one column list and one mapping for search and verification. */
final class AuditRows {

    static final String COLUMNS = "sequence, recorded_at, request_id, subject, role, client_id, patient_id, action,"
            + " purpose, reason, outcome, emergency, detail, previous_hash, hash";

    private AuditRows() {
    }

    /** The current row; throws {@link IllegalArgumentException} if its values no longer form a valid record. */
    static AuditEntry read(ResultSet row) throws SQLException {
        AuditRecord record = new AuditRecord(
                row.getString("request_id"),
                row.getString("subject"),
                row.getString("role"),
                row.getString("client_id"),
                row.getString("patient_id"),
                row.getString("action"),
                row.getString("purpose"),
                row.getString("reason"),
                AuditOutcome.valueOf(row.getString("outcome")),
                row.getBoolean("emergency"),
                row.getString("detail"));
        return new AuditEntry(
                row.getLong("sequence"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                record,
                row.getString("previous_hash"),
                row.getString("hash"));
    }
}
