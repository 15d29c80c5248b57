package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit against a real PostgreSQL chain: what each submitter is promised, under load and failure. */
class AuditWriterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private DataSource db;
    private AuditLedger ledger;
    /** Sizes of the batches the writer committed, in order. */
    private final List<Integer> batches = new CopyOnWriteArrayList<>();
    /** Held closed by a test to keep the writer inside a commit while more records arrive. */
    private volatile CountDownLatch commitGate = new CountDownLatch(0);
    private final CountDownLatch firstCommitStarted = new CountDownLatch(1);
    private final List<ExecutorService> pools = new ArrayList<>();
    private AuditWriter writer;

    @BeforeEach
    void freshChain() {
        db = AuditDatabase.fresh("writer");
        ledger = new AuditLedger(Clock.systemUTC(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws InterruptedException {
        commitGate.countDown();
        pools.forEach(ExecutorService::shutdownNow);
        if (writer != null) {
            writer.close();
        }
    }

    private AuditWriter writer(int queueCapacity, Duration maxWait) {
        writer = new AuditWriter(records -> {
            firstCommitStarted.countDown();
            commitGate.await();
            List<AuditEntry> entries = AuditDatabase.appendAll(db, ledger, records);
            batches.add(records.size());
            return entries;
        }, queueCapacity, 64, maxWait);
        return writer;
    }

    @Test
    void manyParallelSubmittersGetTheirOwnCommittedRecordsInOneUnbrokenChain() throws Exception {
        AuditWriter writer = writer(1024, WAIT);
        int threads = 16;
        int perThread = 50;
        ExecutorService pool = pool(threads);
        List<Callable<List<AuditEntry>>> submitters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            submitters.add(() -> {
                List<AuditEntry> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    AuditRecord record = AuditRecords.read("req-" + thread + "-" + i, "user-" + thread, "p-" + i);
                    AuditEntry entry = writer.append(record);
                    assertThat(entry.record()).isEqualTo(record); // its own record, not a neighbour's
                    mine.add(entry);
                }
                return mine;
            });
        }
        List<AuditEntry> all = new ArrayList<>();
        for (Future<List<AuditEntry>> done : pool.invokeAll(submitters)) {
            all.addAll(done.get());
        }

        int total = threads * perThread;
        assertThat(all.stream().map(AuditEntry::sequence).collect(Collectors.toSet()))
                .isEqualTo(LongStream.rangeClosed(1, total).boxed().collect(Collectors.toSet()));
        assertThat(new AuditChainVerifier(db, 100).verify()).isEqualTo(new ChainReport(true, total, null, null));
        assertThat(new AuditSearch(db).find(AuditFilter.all(AuditFilter.MAX_LIMIT))).containsExactlyInAnyOrderElementsOf(all);
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
    }

    @Test
    void recordsArrivingDuringACommitShareTheNextOne() throws Exception {
        commitGate = new CountDownLatch(1);
        List<Future<AuditEntry>> submitted = firstHeldThenQueued(writer(1024, WAIT), 5);
        commitGate.countDown();

        assertThat(submitted.get(0).get().sequence()).isEqualTo(1);
        for (Future<AuditEntry> entry : submitted.subList(1, 6)) {
            assertThat(entry.get().sequence()).isBetween(2L, 6L);
        }
        assertThat(batches).containsExactly(1, 5);
        assertThat(new AuditChainVerifier(db, 100).verify()).isEqualTo(new ChainReport(true, 6, null, null));
    }

    @Test
    void aBatchThatFailsFailsEverySubmitterInItAndTheNextBatchStillWrites() throws Exception {
        commitGate = new CountDownLatch(1);
        AuditWriter writer = writer(1024, WAIT);
        List<Future<AuditEntry>> submitted = firstHeldThenQueued(writer, 5);
        // The table goes away while the first batch waits: it and the five queued behind it fail.
        execute("ALTER TABLE audit_event RENAME TO audit_event_offline");
        commitGate.countDown();

        assertThatThrownBy(submitted.get(0)::get).hasCauseInstanceOf(AuditUnavailableException.class);
        for (Future<AuditEntry> entry : submitted.subList(1, 6)) {
            assertThatThrownBy(entry::get).cause().isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("SQLState 42P01"); // undefined_table
        }
        execute("ALTER TABLE audit_event_offline RENAME TO audit_event");
        assertThat(new AuditChainVerifier(db, 100).verify()).isEqualTo(new ChainReport(true, 0, null, null));

        assertThat(writer.append(AuditRecords.read("req-6", "dr-a", "p-1")).sequence()).isEqualTo(1);
    }

    @Test
    void aFullQueueRefusesAtOnceWithoutWriting() throws Exception {
        commitGate = new CountDownLatch(1);
        AuditWriter writer = writer(2, WAIT);
        List<Future<AuditEntry>> submitted = firstHeldThenQueued(writer, 2);

        long started = System.nanoTime();
        assertThatThrownBy(() -> writer.append(AuditRecords.read("req-3", "dr-a", "p-1")))
                .isInstanceOf(AuditBusyException.class).hasMessageContaining("2 records are already waiting");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

        commitGate.countDown();
        assertThat(List.of(submitted.get(0).get(), submitted.get(1).get(), submitted.get(2).get()))
                .extracting(e -> e.record().requestId())
                .containsExactlyInAnyOrder("req-0", "req-1", "req-2");
        assertThat(new AuditSearch(db).find(AuditFilter.all(10))).extracting(e -> e.record().requestId())
                .doesNotContain("req-3");
    }

    @Test
    void aSubmitterWhoseCommitDoesNotComeInTimeIsRefusedAndItsQueuedRecordDropped() throws Exception {
        commitGate = new CountDownLatch(1);
        AuditWriter writer = writer(1024, Duration.ofMillis(300));
        Future<AuditEntry> inCommit = firstHeldThenQueued(writer, 0).get(0);

        assertThatThrownBy(() -> writer.append(AuditRecords.read("req-late", "dr-a", "p-1")))
                .isInstanceOf(AuditUnavailableException.class).hasMessageContaining("no commit within");
        assertThatThrownBy(inCommit::get).hasCauseInstanceOf(AuditUnavailableException.class);

        commitGate.countDown();
        writer.close();
        assertThat(new AuditSearch(db).find(AuditFilter.all(10))).extracting(e -> e.record().requestId())
                .containsExactly("req-0"); // taken before the timeout, so committed; req-late never written
    }

    @Test
    void closeWritesWhatIsQueuedAndThenRefuses() throws Exception {
        commitGate = new CountDownLatch(1);
        AuditWriter writer = writer(1024, WAIT);
        List<Future<AuditEntry>> pending = firstHeldThenQueued(writer, 3);
        Future<?> closing = pool(1).submit(() -> {
            writer.close();
            return null;
        });
        commitGate.countDown();
        closing.get(10, TimeUnit.SECONDS);

        for (Future<AuditEntry> entry : pending) {
            assertThat(entry.get().sequence()).isBetween(1L, 4L);
        }
        assertThatThrownBy(() -> writer.append(AuditRecords.read("req-after", "dr-a", "p-1")))
                .isInstanceOf(AuditUnavailableException.class).hasMessageContaining("shut down");
        assertThat(new AuditChainVerifier(db, 100).verify()).isEqualTo(new ChainReport(true, 4, null, null));
    }

    /**
     * Submits req-0 and waits until the writer is inside its commit (held by {@link #commitGate}),
     * then queues req-1 to req-{@code queued} behind it. Returns their futures in that order.
     */
    private List<Future<AuditEntry>> firstHeldThenQueued(AuditWriter writer, int queued) throws InterruptedException {
        ExecutorService pool = pool(queued + 1);
        List<Future<AuditEntry>> submitted = new ArrayList<>();
        for (int i = 0; i <= queued; i++) {
            AuditRecord record = AuditRecords.read("req-" + i, "dr-a", "p-1");
            submitted.add(pool.submit(() -> writer.append(record)));
            if (i == 0) {
                assertThat(firstCommitStarted.await(5, TimeUnit.SECONDS)).isTrue();
            }
        }
        awaitQueued(queued);
        return submitted;
    }

    private ExecutorService pool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        pools.add(pool);
        return pool;
    }

    /** Waits until {@code n} submitters are queued behind the commit held by {@link #commitGate}. */
    private void awaitQueued(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (writer.queued() < n) {
            assertThat(System.nanoTime()).as("%d records queued in time", n).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
