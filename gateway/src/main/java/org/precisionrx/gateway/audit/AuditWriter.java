package org.precisionrx.gateway.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for the audit trail. Requests hand their records to one writer thread, which
 * appends everything waiting in one transaction (one head lock, one commit) while the submitters
 * wait for that commit. An idle writer takes a record as soon as it arrives, so a lone request pays
 * one commit as before; under load, records that arrive during a commit share the next one instead
 * of queueing for the head lock one by one.
 *
 * <p>The promises of {@link AuditTrail} hold per record: {@link #append} returns only once its record
 * is committed, and throws {@link AuditUnavailableException} (the access must be refused) when the
 * batch holding it fails, when the commit is not confirmed in time, or when the queue is full
 * ({@link AuditBusyException}).
 */
public final class AuditWriter implements AutoCloseable {

    /** Appends records in one transaction of its own and commits it; all or nothing. */
    @FunctionalInterface
    public interface BatchAppender {
        List<AuditEntry> appendAndCommit(List<AuditRecord> records) throws Exception;
    }

    private record Pending(AuditRecord record, CompletableFuture<AuditEntry> committed) {
    }

    private final BatchAppender appender;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Duration maxWait;
    private final Thread thread;
    private volatile boolean open = true;

    /**
     * @param queueCapacity records that may wait for the writer; beyond it submitters are refused
     * @param maxBatch      most records in one transaction
     * @param maxWait       longest a submitter waits for its commit before refusing the access
     */
    public AuditWriter(BatchAppender appender, int queueCapacity, int maxBatch, Duration maxWait) {
        this.appender = Objects.requireNonNull(appender, "appender");
        if (queueCapacity < 1 || maxBatch < 1 || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("queueCapacity, maxBatch and maxWait must be positive");
        }
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        this.thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Writes {@code record} as a link of the chain and returns once it is committed.
     *
     * @throws AuditBusyException        when too many records are waiting already
     * @throws AuditUnavailableException when it was not committed, for whatever reason
     */
    public AuditEntry append(AuditRecord record) {
        Pending pending = new Pending(Objects.requireNonNull(record, "record"), new CompletableFuture<>());
        if (!open) {
            throw new AuditUnavailableException("audit record not written: the audit writer is shut down");
        }
        if (!queue.offer(pending)) {
            throw new AuditBusyException(queue.size());
        }
        try {
            return pending.committed().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw AuditUnavailableException.because(e.getCause());
        } catch (TimeoutException e) {
            // Still queued: never written. Already taken: it may commit later, but the access is refused anyway.
            queue.remove(pending);
            throw new AuditUnavailableException("audit record not written: no commit within " + maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queue.remove(pending);
            throw new AuditUnavailableException("audit record not written: interrupted while waiting for the commit");
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                open = false; // interrupted: take no more records, but still write those queued
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<AuditEntry> entries;
        try {
            entries = appender.appendAndCommit(batch.stream().map(Pending::record).toList());
            if (entries.size() != batch.size()) {
                throw new IllegalStateException("appended " + entries.size() + " of " + batch.size() + " records");
            }
        } catch (Throwable failure) { // whatever happened, every submitter must hear of it, and the writer must go on
            batch.forEach(pending -> pending.committed().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).committed().complete(entries.get(i));
        }
    }

    /** Records waiting for the writer (not counting the batch being committed). */
    int queued() {
        return queue.size();
    }

    /** Stops taking records, writes those already queued, and waits up to {@code grace} for that. */
    public void close(Duration grace) throws InterruptedException {
        open = false;
        thread.join(grace.toMillis());
        // Anything still queued after the grace period is refused rather than left waiting.
        for (Pending left; (left = queue.poll()) != null;) {
            left.committed().completeExceptionally(new IllegalStateException("audit writer shut down"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        close(maxWait);
    }
}
