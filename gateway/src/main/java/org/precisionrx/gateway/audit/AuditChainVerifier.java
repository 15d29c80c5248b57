package org.precisionrx.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks the whole audit chain: sequences without gaps, each record linked to the hash of the one
 * before, each hash recomputed from the record, and the head pointing at the newest record.
 *
 * <p>The head is read first and only records up to it are walked, in batches, so appends made
 * meanwhile neither disturb the check nor are counted (the next run covers them). Needs no
 * transaction of its own: records up to the head were committed before the head was.
 *
 * <p>What it cannot see: someone able to disable the triggers who rewrites a record and then
 * recomputes every later hash and the head. Keeping copies of the head hash elsewhere (for example
 * in each FHIR export) is what exposes that.
 */
@ApplicationScoped
public class AuditChainVerifier {

    static final int DEFAULT_BATCH_SIZE = 500;

    private static final String READ_HEAD = "SELECT sequence, hash FROM audit_chain_head";
    private static final String READ_BATCH = "SELECT " + AuditRows.COLUMNS + " FROM audit_event"
            + " WHERE sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?";

    private final DataSource dataSource;
    private final int batchSize;

    @Inject
    public AuditChainVerifier(DataSource dataSource) {
        this(dataSource, DEFAULT_BATCH_SIZE);
    }

    AuditChainVerifier(DataSource dataSource, int batchSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = batchSize;
    }

    /** @throws IllegalStateException if the database cannot be read (which says nothing about the chain) */
    public ChainReport verify() {
        try (Connection connection = dataSource.getConnection()) {
            return verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("audit chain could not be read: " + e.getClass().getName()
                    + " [SQLState " + e.getSQLState() + "]");
        }
    }

    private ChainReport verify(Connection connection) throws SQLException {
        Optional<Link> head = readHead(connection);
        if (head.isEmpty()) {
            return ChainReport.broken(0, 1, "chain head missing");
        }
        Walk walk = new Walk();
        try (PreparedStatement batch = connection.prepareStatement(READ_BATCH)) {
            boolean more = true;
            while (more) {
                batch.setLong(1, walk.last.sequence());
                batch.setLong(2, head.get().sequence());
                batch.setInt(3, batchSize);
                int read = 0;
                try (ResultSet rows = batch.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        Optional<ChainReport> broken = walk.check(rows);
                        if (broken.isPresent()) {
                            return broken.get();
                        }
                    }
                }
                more = read == batchSize;
            }
        }
        return walk.finish(head.get());
    }

    private static Optional<Link> readHead(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(READ_HEAD)) {
            return row.next() ? Optional.of(new Link(row.getLong("sequence"), row.getString("hash"))) : Optional.empty();
        }
    }

    /** A position in the chain: a sequence and the hash of the record there. */
    private record Link(long sequence, String hash) {
    }

    /** The state of one walk along the chain. */
    private static final class Walk {

        private Link last = new Link(0, AuditHash.GENESIS);
        private long checked;

        Optional<ChainReport> check(ResultSet row) throws SQLException {
            long sequence = row.getLong("sequence");
            long expected = last.sequence() + 1;
            if (sequence != expected) {
                return broken(expected, "missing sequence " + expected);
            }
            String previousHash = row.getString("previous_hash");
            if (!last.hash().equals(previousHash)) {
                return broken(sequence, "previous hash does not match record " + last.sequence());
            }
            AuditEntry entry;
            try {
                entry = AuditRows.read(row);
            } catch (IllegalArgumentException | NullPointerException e) {
                return broken(sequence, "malformed record");
            }
            String recomputed = AuditHash.of(previousHash, sequence, entry.recordedAt(), entry.record());
            if (!recomputed.equals(entry.hash())) {
                return broken(sequence, "hash mismatch");
            }
            last = new Link(sequence, entry.hash());
            checked++;
            return Optional.empty();
        }

        ChainReport finish(Link head) {
            if (head.sequence() > last.sequence()) {
                return ChainReport.broken(checked, last.sequence() + 1,
                        "head does not match last record: head at " + head.sequence() + ", records end at "
                                + last.sequence());
            }
            if (!head.hash().equals(last.hash())) {
                return ChainReport.broken(checked, head.sequence(), "head does not match last record: hash differs");
            }
            return ChainReport.intact(checked);
        }

        private Optional<ChainReport> broken(long sequence, String problem) {
            return Optional.of(ChainReport.broken(checked, sequence, problem));
        }
    }
}
