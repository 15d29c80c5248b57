package org.precisionrx.e2e.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady load: one request every {@code interval}, going round the probes, sent from a small
 * pool so that a slow answer does not hold back the next request (the rate stays what it was
 * set to while a service is away). Every outcome is kept for the test to judge.
 */
final class LoadLoop implements AutoCloseable {

    private static final int SENDERS = 8;

    private final List<Probe> probes;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    private final List<Outcome> outcomes = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();

    private LoadLoop(List<Probe> probes) {
        this.probes = List.copyOf(probes);
    }

    static LoadLoop start(List<Probe> probes, Duration interval) {
        LoadLoop loop = new LoadLoop(probes);
        loop.clock.scheduleAtFixedRate(loop::sendNext, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return loop;
    }

    private void sendNext() {
        Probe probe = probes.get((int) (sent.getAndIncrement() % probes.size()));
        senders.execute(() -> {
            Instant at = Instant.now();
            Outcome outcome;
            try {
                outcome = Outcome.of(probe, at, probe.send().get());
            } catch (RuntimeException e) {
                outcome = Outcome.noAnswer(probe, at, e);
            }
            record(outcome);
        });
    }

    private synchronized void record(Outcome outcome) {
        outcomes.add(outcome);
    }

    /** Everything answered so far, in the order the answers came. */
    synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Outcomes of requests sent at or after {@code since}. */
    List<Outcome> since(Instant since) {
        return outcomes().stream().filter(o -> !o.at().isBefore(since)).toList();
    }

    /** Stops sending and waits for the requests still out. */
    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(90, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
