package org.precisionrx.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends requests at a fixed arrival rate whatever the target does (open loop), and measures each
 * request's latency from the moment it was due, not from the moment it was sent. A closed-loop
 * client that waits for answers sends fewer requests while the target stalls and so never sees the
 * queue a real arrival stream would have built (coordinated omission); here a stall shows up as
 * the latency every due request would have suffered.
 */
public final class OpenLoopGenerator {

    /** Parking is coarse (~50-100 µs); the last stretch before a due time is spun. */
    private static final long SPIN_NANOS = 100_000;
    private static final long START_DELAY_NANOS = 20_000_000;

    private final int maxInFlight;
    private final Duration drainTimeout;

    /**
     * @param maxInFlight  above this many unanswered requests, a due request is counted as an
     *                     {@code overload} error instead of sent, so a dead target cannot exhaust memory
     * @param drainTimeout how long to wait for answers after the last request was sent
     */
    public OpenLoopGenerator(int maxInFlight, Duration drainTimeout) {
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
    }

    public RunResult run(Schedule schedule, Target target) {
        Run run = new Run();
        long requests = schedule.requests();
        long start = System.nanoTime() + START_DELAY_NANOS;
        for (long i = 0; i < requests; i++) {
            long due = start + schedule.dueNanos(i);
            waitUntil(due);
            run.sendLag.recordValue(Math.max(0, System.nanoTime() - due) / 1000);
            run.send(target, i, due);
        }
        long lastDue = start + schedule.dueNanos(requests - 1);
        long unfinished = run.drain(lastDue + drainTimeout.toNanos());
        return run.result(schedule.ratePerSecond(), requests, start, lastDue, unfinished);
    }

    private static void waitUntil(long due) {
        long remaining;
        while ((remaining = due - System.nanoTime()) > 0) {
            if (remaining > 2 * SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** The counters of one run; completions arrive on the target's threads. */
    private final class Run {
        final Recorder latency = new Recorder(3);
        final Histogram sendLag = new Histogram(3);
        final LongAdder ok = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final Map<String, String> samples = new ConcurrentHashMap<>();
        final AtomicLong inFlight = new AtomicLong();
        final AtomicLong lastCompletion = new AtomicLong();

        void send(Target target, long sequence, long due) {
            if (inFlight.get() >= maxInFlight) {
                errors.computeIfAbsent("overload: " + maxInFlight + " in flight, not sent", k -> new LongAdder()).increment();
                return;
            }
            inFlight.incrementAndGet();
            CompletionStage<Outcome> answer;
            try {
                answer = target.send(sequence);
            } catch (RuntimeException e) {
                complete(due, Outcome.error(describe(e)));
                return;
            }
            answer.whenComplete((outcome, failure) -> complete(due, failure == null ? outcome : Outcome.error(describe(failure))));
        }

        void complete(long due, Outcome outcome) {
            long now = System.nanoTime();
            latency.recordValue(Math.max(0, now - due) / 1000);
            if (outcome.ok()) {
                ok.increment();
            } else {
                errors.computeIfAbsent(outcome.error(), k -> new LongAdder()).increment();
                if (outcome.detail() != null) {
                    samples.putIfAbsent(outcome.error(), outcome.detail());
                }
            }
            lastCompletion.accumulateAndGet(now, Math::max);
            inFlight.decrementAndGet();
        }

        long drain(long deadline) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            return inFlight.get();
        }

        RunResult result(double rate, long sent, long start, long lastDue, long unfinished) {
            Map<String, Long> counted = new TreeMap<>();
            errors.forEach((kind, count) -> counted.put(kind, count.sum()));
            if (unfinished > 0) {
                counted.put("unanswered after the drain timeout", unfinished);
            }
            long end = Math.max(lastDue, lastCompletion.get());
            return new RunResult(rate, sent, ok.sum(), counted, new TreeMap<>(samples), (end - start) / 1e9,
                    latency.getIntervalHistogram(), sendLag);
        }
    }

    static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName();
    }
}
