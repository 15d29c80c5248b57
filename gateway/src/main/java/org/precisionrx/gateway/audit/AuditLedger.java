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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends records to the chain over plain JDBC. The caller owns the transaction: the head row stays
 * locked from the read of the previous hash until commit, so concurrent appends (from any number of
 * gateway instances) queue up and each links to the one before it. Several records can be appended
 * under one lock and one commit ({@link #appendAll}), which is how {@link AuditWriter} groups them.
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
        return appendAll(connection, List.of(Objects.requireNonNull(record, "record"))).get(0);
    }

    /**
     * Writes {@code records}, in order, as the next links: one head lock, one batch of inserts and
     * one batch of head moves (the trigger lets the head advance by one record at a time).
     * {@code connection} must be inside a transaction; all of them commit or none does.
     *
     * @return the entries written, in the order of {@code records}
     */
    public List<AuditEntry> appendAll(Connection connection, List<AuditRecord> records) throws SQLException {
        if (records.isEmpty() || records.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("records must be one or more, none null");
        }
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("append needs a transaction: the head must stay locked until commit");
        }
        limitLockWait(connection);
        Head head = lockHead(connection);
        List<AuditEntry> entries = new ArrayList<>(records.size());
        String previousHash = head.hash();
        long sequence = head.sequence();
        for (AuditRecord record : records) {
            sequence++;
            Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String hash = AuditHash.of(previousHash, sequence, recordedAt, record);
            entries.add(new AuditEntry(sequence, recordedAt, record, previousHash, hash));
            previousHash = hash;
        }
        insert(connection, entries);
        advanceHead(connection, head, entries);
        return entries;
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

    private static void insert(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditEntry entry : entries) {
                bind(insert, entry);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, AuditEntry entry) throws SQLException {
        AuditRecord r = entry.record();
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
    }

    private static void advanceHead(Connection connection, Head head, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(ADVANCE_HEAD)) {
            long from = head.sequence();
            for (AuditEntry entry : entries) {
                update.setLong(1, entry.sequence());
                update.setString(2, entry.hash());
                update.setLong(3, from);
                update.addBatch();
                from = entry.sequence();
            }
            for (int moved : update.executeBatch()) {
                if (moved != 1) {
                    throw new IllegalStateException("audit chain head moved while locked");
                }
            }
        }
    }

    private record Head(long sequence, String hash) {
    }
}
