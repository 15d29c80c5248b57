package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLedgerTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    private DataSource db;
    private SteppingClock clock;
    private AuditLedger ledger;

    @BeforeEach
    void freshChain() {
        db = AuditDatabase.fresh("ledger");
        // A step with nanoseconds, so every reading needs truncating to microseconds.
        clock = new SteppingClock(START.plusNanos(123_456_789), Duration.ofMillis(1).plusNanos(1));
        ledger = new AuditLedger(clock, Duration.ofSeconds(5));
    }

    @Test
    void firstRecordLinksToGenesisAndEachNextToItsPredecessor() throws SQLException {
        AuditEntry first = AuditDatabase.append(db, ledger, AuditRecords.read("req-1", "dr-a", "p-1"));
        AuditEntry second = AuditDatabase.append(db, ledger, AuditRecords.denied("req-2", "dr-b", "p-2"));
        AuditEntry third = AuditDatabase.append(db, ledger, AuditRecords.grpc("req-3", "ph-c", "p-1"));

        assertThat(List.of(first.sequence(), second.sequence(), third.sequence())).containsExactly(1L, 2L, 3L);
        assertThat(first.previousHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(third.previousHash()).isEqualTo(second.hash());
        assertThat(second.hash()).isEqualTo(
                AuditHash.of(first.hash(), 2, second.recordedAt(), AuditRecords.denied("req-2", "dr-b", "p-2")));
        assertThat(head()).isEqualTo(3 + ":" + third.hash());
    }

    @Test
    void storesExactlyWhatWasHashed() throws SQLException {
        AuditEntry written = AuditDatabase.append(db, ledger, AuditRecords.breakGlass("req-1", "dr-a", "p-1"));

        assertThat(written.recordedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123456Z"));
        List<AuditEntry> stored = new AuditSearch(db).find(AuditFilter.all(10));
        assertThat(stored).containsExactly(written);
    }

    @Test
    void aGroupIsWrittenInOrderUnderOneLockAndOneCommit() throws SQLException {
        AuditEntry before = AuditDatabase.append(db, ledger, AuditRecords.read("req-0", "dr-a", "p-1"));
        List<AuditRecord> group = List.of(AuditRecords.read("req-1", "dr-a", "p-1"),
                AuditRecords.denied("req-2", "dr-b", "p-2"), AuditRecords.grpc("req-3", "ph-c", "p-1"));

        List<AuditEntry> written = AuditDatabase.appendAll(db, ledger, group);

        assertThat(written).extracting(AuditEntry::record).containsExactlyElementsOf(group);
        assertThat(written).extracting(AuditEntry::sequence).containsExactly(2L, 3L, 4L);
        assertThat(written.get(0).previousHash()).isEqualTo(before.hash());
        assertThat(written.get(1).previousHash()).isEqualTo(written.get(0).hash());
        assertThat(written.get(2).previousHash()).isEqualTo(written.get(1).hash());
        assertThat(head()).isEqualTo(4 + ":" + written.get(2).hash());
        assertThat(new AuditSearch(db).find(AuditFilter.all(10))).containsExactly(
                before, written.get(0), written.get(1), written.get(2));
        assertThat(new AuditChainVerifier(db, 2).verify()).isEqualTo(new ChainReport(true, 4, null, null));
    }

    @Test
    void aRolledBackGroupLeavesNoTrace() throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            ledger.appendAll(connection, List.of(AuditRecords.read("req-1", "dr-a", "p-1"),
                    AuditRecords.read("req-2", "dr-a", "p-1")));
            connection.rollback();
        }
        assertThat(head()).isEqualTo("0:" + AuditHash.GENESIS);
    }

    @Test
    void refusesToAppendOutsideATransaction() throws SQLException {
        try (Connection autoCommit = db.getConnection()) {
            assertThatThrownBy(() -> ledger.append(autoCommit, AuditRecords.read("req-1", "dr-a", "p-1")))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(head()).isEqualTo("0:" + AuditHash.GENESIS);
    }

    @Test
    void aRolledBackAppendLeavesNoTrace() throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            ledger.append(connection, AuditRecords.read("req-1", "dr-a", "p-1"));
            connection.rollback();
        }
        assertThat(head()).isEqualTo("0:" + AuditHash.GENESIS);
        assertThat(AuditDatabase.append(db, ledger, AuditRecords.read("req-2", "dr-a", "p-1")).sequence()).isEqualTo(1);
    }

    @Test
    void failsInsteadOfWaitingForeverOnALockedHead() throws SQLException {
        AuditLedger impatient = new AuditLedger(Clock.systemUTC(), Duration.ofMillis(200));
        try (Connection holder = db.getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("SELECT * FROM audit_chain_head FOR UPDATE");

            long started = System.nanoTime();
            assertThatThrownBy(() -> AuditDatabase.append(db, impatient, AuditRecords.read("req-1", "dr-a", "p-1")))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("55P03")); // lock_not_available
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            holder.rollback();
        }
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        int threads = 6;
        int perThread = 40;
        AuditLedger shared = new AuditLedger(Clock.systemUTC(), Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<AuditEntry>>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(() -> {
                    List<AuditEntry> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(AuditDatabase.append(db, shared,
                                AuditRecords.read("req-" + thread + "-" + i, "user-" + thread, "p-" + i)));
                    }
                    return mine;
                });
            }
            List<AuditEntry> all = new ArrayList<>();
            for (Future<List<AuditEntry>> done : pool.invokeAll(writers)) {
                all.addAll(done.get());
            }

            int total = threads * perThread;
            assertThat(all.stream().map(AuditEntry::sequence).collect(Collectors.toSet()))
                    .isEqualTo(LongStream.rangeClosed(1, total).boxed().collect(Collectors.toSet()));
            assertThat(new AuditChainVerifier(db, 50).verify()).isEqualTo(new ChainReport(true, total, null, null));
            Set<String> stored = new AuditSearch(db).find(AuditFilter.all(AuditFilter.MAX_LIMIT)).stream()
                    .map(e -> e.record().requestId()).collect(Collectors.toSet());
            assertThat(stored).hasSize(total);
        } finally {
            pool.shutdownNow();
        }
    }

    private String head() throws SQLException {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT sequence, hash FROM audit_chain_head")) {
            row.next();
            return row.getLong(1) + ":" + row.getString(2);
        }
    }
}
