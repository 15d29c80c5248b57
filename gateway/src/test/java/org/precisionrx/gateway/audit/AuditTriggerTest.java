package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database itself refuses to change or remove what was written. */
class AuditTriggerTest {

    private static DataSource db;
    private static AuditEntry second;

    @BeforeAll
    static void chainOfThree() throws SQLException {
        db = AuditDatabase.fresh("trigger");
        AuditLedger ledger = new AuditLedger(Clock.systemUTC(), Duration.ofSeconds(5));
        AuditDatabase.append(db, ledger, AuditRecords.read("req-1", "dr-a", "p-1"));
        second = AuditDatabase.append(db, ledger, AuditRecords.read("req-2", "dr-a", "p-2"));
        AuditDatabase.append(db, ledger, AuditRecords.read("req-3", "dr-a", "p-3"));
    }

    @Test
    void refusesUpdate() {
        assertRefused("UPDATE audit_event SET patient_id = 'p-9' WHERE sequence = 2", "append-only");
    }

    @Test
    void refusesDelete() {
        assertRefused("DELETE FROM audit_event WHERE sequence = 3", "append-only");
    }

    @Test
    void refusesTruncate() {
        assertRefused("TRUNCATE audit_event CASCADE", "append-only");
    }

    @Test
    void keepsTheHead() {
        assertRefused("DELETE FROM audit_chain_head", "append-only");
        assertRefused("TRUNCATE audit_chain_head", "append-only");
    }

    @Test
    void headOnlyAdvancesOntoTheNextRecord() {
        assertRefused("UPDATE audit_chain_head SET sequence = 2, hash = '" + second.hash() + "'", "may only advance");
        assertRefused("UPDATE audit_chain_head SET sequence = 4, hash = '" + second.hash() + "'", "may only advance");
    }

    @Test
    void refusalsLeaveTheChainIntact() {
        refusesUpdate();
        refusesDelete();
        assertThat(new AuditChainVerifier(db).verify()).isEqualTo(new ChainReport(true, 3, null, null));
    }

    private static void assertRefused(String statement, String message) {
        assertThatThrownBy(() -> {
            try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42501"); // insufficient_privilege
            assertThat(e.getMessage()).contains(message);
        });
    }
}
