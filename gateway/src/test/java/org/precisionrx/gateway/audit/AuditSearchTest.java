package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditSearchTest {

    private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

    private static AuditSearch search;

    /** Sequence n is written at START + (n - 1) minutes. */
    @BeforeAll
    static void mixedTrail() throws SQLException {
        DataSource db = AuditDatabase.fresh("search");
        AuditLedger ledger = new AuditLedger(new SteppingClock(START, Duration.ofMinutes(1)), Duration.ofSeconds(5));
        List<AuditRecord> records = List.of(
                AuditRecords.read("req-1", "dr-a", "p-1"),          // 1
                AuditRecords.denied("req-2", "dr-b", "p-2"),        // 2
                AuditRecords.breakGlass("req-3", "dr-b", "p-2"),    // 3
                AuditRecords.grpc("req-3", "dr-b", "p-2"),          // 4
                AuditRecords.read("req-5", "dr-a", "p-3"),          // 5
                new AuditRecord("req-6", "auditor-1", "auditor", "precisionrx-web", null, "audit.search",
                        null, null, AuditOutcome.SUCCESS, false, null), // 6
                AuditRecords.read("req-7", "dr-a", "p-1"));         // 7
        for (AuditRecord record : records) {
            AuditDatabase.append(db, ledger, record);
        }
        search = new AuditSearch(db);
    }

    @Test
    void everythingInSequenceOrder() {
        assertThat(sequences(AuditFilter.all(100))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void byPatient() {
        assertThat(sequences(filter("p-1", null, null, null, null))).containsExactly(1L, 7L);
        assertThat(sequences(filter("p-nobody", null, null, null, null))).isEmpty();
    }

    @Test
    void bySubject() {
        assertThat(sequences(filter(null, "dr-b", null, null, null))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void byAction() {
        assertThat(sequences(filter(null, null, "grpc:PatientProfileService/GetProfile", null, null)))
                .containsExactly(4L);
    }

    @Test
    void byOutcome() {
        assertThat(sequences(filter(null, null, null, AuditOutcome.DENIED, null))).containsExactly(2L);
    }

    @Test
    void byEmergency() {
        assertThat(sequences(filter(null, null, null, null, true))).containsExactly(3L);
        assertThat(sequences(filter(null, null, null, null, false))).containsExactly(1L, 2L, 4L, 5L, 6L, 7L);
    }

    @Test
    void byTimeFromInclusiveToExclusive() {
        AuditFilter window = new AuditFilter(null, null, null, null, null,
                START.plus(Duration.ofMinutes(2)), START.plus(Duration.ofMinutes(5)), null, 100);
        assertThat(sequences(window)).containsExactly(3L, 4L, 5L);
    }

    @Test
    void combined() {
        assertThat(sequences(filter("p-2", "dr-b", "profile.read", AuditOutcome.SUCCESS, true)))
                .containsExactly(3L);
    }

    @Test
    void pagesBySequence() {
        AuditFilter firstPage = new AuditFilter("p-2", null, null, null, null, null, null, null, 2);
        assertThat(sequences(firstPage)).containsExactly(2L, 3L);
        AuditFilter nextPage = new AuditFilter("p-2", null, null, null, null, null, null, 3L, 2);
        assertThat(sequences(nextPage)).containsExactly(4L);
    }

    @Test
    void valuesAreMatchedLiterally() {
        assertThat(sequences(filter("p-1' OR '1'='1", null, null, null, null))).isEmpty();
        assertThat(sequences(filter("p-%", null, null, null, null))).isEmpty();
    }

    @Test
    void returnsTheStoredRecords() {
        AuditEntry third = search.find(new AuditFilter(null, null, null, null, null, null, null, 2L, 1)).get(0);
        assertThat(third.record()).isEqualTo(AuditRecords.breakGlass("req-3", "dr-b", "p-2"));
        assertThat(third.recordedAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
    }

    @Test
    void limitMustBeBetweenOneAndAThousand() {
        assertThatThrownBy(() -> search.find(AuditFilter.all(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> search.find(AuditFilter.all(1001))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sequences(AuditFilter.all(1))).containsExactly(1L);
        assertThat(sequences(AuditFilter.all(1000))).hasSize(7);
    }

    private static AuditFilter filter(String patient, String subject, String action, AuditOutcome outcome,
            Boolean emergency) {
        return new AuditFilter(patient, subject, action, outcome, emergency, null, null, null, 100);
    }

    private static List<Long> sequences(AuditFilter filter) {
        return search.find(filter).stream().map(AuditEntry::sequence).toList();
    }
}
