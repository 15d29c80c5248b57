package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A superuser switches the triggers off and edits the table; the chain must give them away. */
class AuditChainVerifierTest {

    private static final int RECORDS = 8;

    private DataSource db;
    private List<AuditEntry> written;
    /** Small batches, so breaks on both sides of a batch boundary are covered. */
    private AuditChainVerifier verifier;

    @BeforeEach
    void chainOfEight() throws SQLException {
        db = AuditDatabase.fresh("verify");
        AuditLedger ledger = new AuditLedger(Clock.systemUTC(), Duration.ofSeconds(5));
        written = new ArrayList<>();
        for (int i = 1; i <= RECORDS; i++) {
            written.add(AuditDatabase.append(db, ledger, AuditRecords.read("req-" + i, "dr-a", "p-" + i)));
        }
        verifier = new AuditChainVerifier(db, 3);
    }

    @Test
    void anUntouchedChainIsIntact() {
        assertThat(verifier.verify()).isEqualTo(new ChainReport(true, RECORDS, null, null));
    }

    @Test
    void anEmptyChainIsIntact() {
        assertThat(new AuditChainVerifier(AuditDatabase.fresh("verify"), 3).verify())
                .isEqualTo(new ChainReport(true, 0, null, null));
    }

    @Test
    void aChangedFieldInTheMiddle() throws SQLException {
        AuditDatabase.tamper(db, "UPDATE audit_event SET patient_id = 'p-other' WHERE sequence = 5");

        assertThat(verifier.verify()).isEqualTo(new ChainReport(false, 4, 5L, "hash mismatch"));
    }

    @Test
    void aChangedOutcomeOrTime() throws SQLException {
        AuditDatabase.tamper(db,
                "UPDATE audit_event SET outcome = 'SUCCESS', reason = NULL WHERE sequence = 6",
                "UPDATE audit_event SET recorded_at = recorded_at + interval '1 microsecond' WHERE sequence = 3");

        assertThat(verifier.verify()).isEqualTo(new ChainReport(false, 2, 3L, "hash mismatch"));
    }

    @Test
    void onlyTheFirstOfSeveralBreaksIsReported() throws SQLException {
        AuditDatabase.tamper(db,
                "UPDATE audit_event SET subject = 'someone-else' WHERE sequence = 7",
                "DELETE FROM audit_event WHERE sequence = 4");

        assertThat(verifier.verify()).isEqualTo(new ChainReport(false, 3, 4L, "missing sequence 4"));
    }

    @Test
    void aDeletedRecordInTheMiddle() throws SQLException {
        AuditDatabase.tamper(db, "DELETE FROM audit_event WHERE sequence = 4");

        assertThat(verifier.verify()).isEqualTo(new ChainReport(false, 3, 4L, "missing sequence 4"));
    }

    @Test
    void aDeletedNewestRecord() throws SQLException {
        AuditDatabase.tamper(db, "DELETE FROM audit_event WHERE sequence = " + RECORDS);

        assertThat(verifier.verify()).isEqualTo(new ChainReport(false, 7, 8L,
                "head does not match last record: head at 8, records end at 7"));
    }

    @Test
    void theNewestRecordsDeleted() throws SQLException {
        AuditDatabase.tamper(db, "DELETE FROM audit_event WHERE sequence >= 6");

        // The first record missing is reported, not the head's position.
        assertThat(verifier.verify()).isEqualTo(new ChainReport(false, 5, 6L,
                "head does not match last record: head at 8, records end at 5"));
    }

    @Test
    void aChangedRecordWithItsOwnHashRecomputed() throws SQLException {
        AuditEntry original = written.get(4);
        AuditRecord forged = AuditRecords.read("req-5", "dr-a", "p-other");
        String forgedHash = AuditHash.of(original.previousHash(), 5, original.recordedAt(), forged);
        AuditDatabase.tamper(db,
                "UPDATE audit_event SET patient_id = 'p-other', hash = '" + forgedHash + "' WHERE sequence = 5");

        // Record 5 is consistent in itself; its successor's link gives it away.
        assertThat(verifier.verify())
                .isEqualTo(new ChainReport(false, 5, 6L, "previous hash does not match record 5"));
    }

    @Test
    void theNewestRecordChangedWithItsOwnHashRecomputed() throws SQLException {
        AuditEntry original = written.get(RECORDS - 1);
        AuditRecord forged = AuditRecords.read("req-8", "dr-a", "p-other");
        String forgedHash = AuditHash.of(original.previousHash(), RECORDS, original.recordedAt(), forged);
        AuditDatabase.tamper(db, "UPDATE audit_event SET patient_id = 'p-other', hash = '" + forgedHash
                + "' WHERE sequence = " + RECORDS);

        // No successor to give it away: the head still holds the original hash.
        assertThat(verifier.verify()).isEqualTo(
                new ChainReport(false, RECORDS, (long) RECORDS, "head does not match last record: hash differs"));
    }

    @Test
    void aRewrittenLink() throws SQLException {
        AuditDatabase.tamper(db,
                "UPDATE audit_event SET previous_hash = '" + written.get(0).hash() + "' WHERE sequence = 3");

        assertThat(verifier.verify())
                .isEqualTo(new ChainReport(false, 2, 3L, "previous hash does not match record 2"));
    }

    @Test
    void aMalformedRecord() throws SQLException {
        AuditDatabase.tamper(db, "UPDATE audit_event SET subject = '  ' WHERE sequence = 2");

        assertThat(verifier.verify()).isEqualTo(new ChainReport(false, 1, 2L, "malformed record"));
    }

    @Test
    void aMissingHead() throws SQLException {
        AuditDatabase.tamper(db, "DELETE FROM audit_chain_head");

        assertThat(verifier.verify()).isEqualTo(new ChainReport(false, 0, 1L, "chain head missing"));
    }

    @Test
    void batchSizeDoesNotChangeTheVerdict() throws SQLException {
        AuditDatabase.tamper(db, "UPDATE audit_event SET action = 'profile.update' WHERE sequence = 7");

        for (int batch : new int[] {1, 2, 3, 6, 7, 500}) {
            assertThat(new AuditChainVerifier(db, batch).verify())
                    .as("batch size %d", batch)
                    .isEqualTo(new ChainReport(false, 6, 7L, "hash mismatch"));
        }
    }
}
