package org.precisionrx.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Appends records to the chain over plain JDBC. The caller owns the transaction: the head row stays
 * locked from the read of the previous hash until commit, so concurrent appends (from any number of
 * gateway instances) queue up and each links to the one before it.
 */
public final class AuditLedger {

    private static final String LOCK_HEAD = "SELECT sequence, hash FROM audit_chain_head FOR UPDATE";
    private static final String INSERT = "INSERT INTO audit_event (" + AuditRows.COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ADVANCE_HEAD = "UPDATE audit_chain_head SET sequence = ?, hash = ? WHERE sequence = ?";

    private final Clock clock;
    private final Duration lockTimeout;

    /**
     * @param clock       source of {@code recorded_at}, read once the head is locked so that times
     *                    follow sequence order on one clock
     * @param lockTimeout how long to wait for the head before failing (and so failing closed)
     */
    public AuditLedger(Clock clock, Duration lockTimeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("lockTimeout must be positive");
        }
        this.lockTimeout = lockTimeout;
    }

    /**
     * Writes {@code record} as the next link. {@code connection} must be inside a transaction
     * (auto-commit off); nothing is visible to others until the caller commits.
     */
    public AuditEntry append(Connection connection, AuditRecord record) throws SQLException {
        Objects.requireNonNull(record, "record");
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("append needs a transaction: the head must stay locked until commit");
        }
        limitLockWait(connection);
        Head head = lockHead(connection);
        long sequence = head.sequence() + 1;
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHash.of(head.hash(), sequence, recordedAt, record);
        AuditEntry entry = new AuditEntry(sequence, recordedAt, record, head.hash(), hash);
        insert(connection, entry);
        advanceHead(connection, head, entry);
        return entry;
    }

    private void limitLockWait(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            // SET LOCAL ends with the transaction, so a pooled connection is left as it was.
            sql.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
        }
    }

    private static Head lockHead(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(LOCK_HEAD)) {
            if (!row.next()) {
                throw new IllegalStateException("audit_chain_head has no row: is the V1 migration applied?");
            }
            return new Head(row.getLong("sequence"), row.getString("hash"));
        }
    }

    private static void insert(Connection connection, AuditEntry entry) throws SQLException {
        AuditRecord r = entry.record();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, entry.sequence());
            insert.setObject(2, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC));
            insert.setString(3, r.requestId());
            insert.setString(4, r.subject());
            insert.setString(5, r.role());
            insert.setString(6, r.clientId());
            insert.setString(7, r.patientId());
            insert.setString(8, r.action());
            insert.setString(9, r.purpose());
            insert.setString(10, r.reason());
            insert.setString(11, r.outcome().name());
            insert.setBoolean(12, r.emergency());
            insert.setString(13, r.detail());
            insert.setString(14, entry.previousHash());
            insert.setString(15, entry.hash());
            insert.executeUpdate();
        }
    }

    private static void advanceHead(Connection connection, Head head, AuditEntry entry) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(ADVANCE_HEAD)) {
            update.setLong(1, entry.sequence());
            update.setString(2, entry.hash());
            update.setLong(3, head.sequence());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("audit chain head moved while locked");
            }
        }
    }

    private record Head(long sequence, String hash) {
    }
}
