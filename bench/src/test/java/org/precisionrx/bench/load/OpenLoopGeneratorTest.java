package org.precisionrx.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

class OpenLoopGeneratorTest {

    private final OpenLoopGenerator generator = new OpenLoopGenerator(1_000, Duration.ofSeconds(2));

    /**
     * A target that stalls the sender for 500 ms once (as a blocked connection or a GC pause in the
     * client would). Measured from the actual send, one request would look slow; measured from the
     * intended send time, every request due during the stall waited, up to 500 ms.
     */
    @Test
    void aStallCountsForEveryRequestDueDuringIt() {
        Target stallsOnce = sequence -> {
            if (sequence == 250) {
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            return CompletableFuture.completedFuture(Outcome.OK);
        };

        RunResult result = generator.run(new Schedule(500, Duration.ofSeconds(2)), stallsOnce);

        assertThat(result.sent()).isEqualTo(1000);
        assertThat(result.ok()).isEqualTo(1000);
        assertThat(result.errors()).isEmpty();
        // ~250 of 1000 requests were due during the stall, waiting 500..0 ms: the slowest 10 % waited >= ~200 ms.
        assertThat(result.latencyMillis(90)).isBetween(150.0, 450.0);
        assertThat(result.maxLatencyMillis()).isBetween(480.0, 2_000.0);
        assertThat(result.latencyMillis(50)).isLessThan(150.0);
        // The generator reports that it sent late, so a reader can tell a slow client from a slow server.
        assertThat(result.sendLag().getValueAtPercentile(90) / 1000.0).isGreaterThan(150.0);
    }

    /** A target that answers slowly but without blocking the sender: the rate is still held. */
    @Test
    void holdsTheRateWhileAnswersAreSlow() {
        Target slow = sequence -> CompletableFuture.supplyAsync(() -> Outcome.OK,
                CompletableFuture.delayedExecutor(100, java.util.concurrent.TimeUnit.MILLISECONDS));

        RunResult result = generator.run(new Schedule(200, Duration.ofSeconds(1)), slow);

        assertThat(result.ok()).isEqualTo(200);
        assertThat(result.latencyMillis(50)).isBetween(99.0, 1_000.0);
        assertThat(result.elapsedSeconds()).isBetween(0.99, 3.0);
        assertThat(result.throughput()).isBetween(60.0, 202.0);
    }

    @Test
    void countsErrorsByKind() {
        Target failing = sequence -> {
            if (sequence % 10 == 0) {
                throw new IllegalStateException("no connection");
            }
            return CompletableFuture.completedFuture(sequence % 10 == 1 ? Outcome.error("HTTP 503") : Outcome.OK);
        };

        RunResult result = generator.run(new Schedule(1000, Duration.ofMillis(100)), failing);

        assertThat(result.ok()).isEqualTo(80);
        assertThat(result.errors()).containsOnly(entry("IllegalStateException", 10L), entry("HTTP 503", 10L));
        assertThat(result.errorCount()).isEqualTo(20);
        assertThat(result.latency().getTotalCount()).isEqualTo(100);
    }

    @Test
    void aTargetThatNeverAnswersIsCappedAndReported() {
        OpenLoopGenerator capped = new OpenLoopGenerator(5, Duration.ofMillis(100));

        RunResult result = capped.run(new Schedule(1000, Duration.ofMillis(20)), sequence -> new CompletableFuture<>());

        assertThat(result.ok()).isZero();
        assertThat(result.errors()).containsOnly(entry("overload: 5 in flight, not sent", 15L),
                entry("unanswered after the drain timeout", 5L));
    }
}
