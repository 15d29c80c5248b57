package org.precisionrx.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionrx.bench.BenchOptions;
import org.precisionrx.bench.load.Outcome;
import org.precisionrx.bench.load.RunResult;
import org.precisionrx.bench.load.Target;

/** The warm-up and the measured run each get a target made for their own length (pre-signed tokens). */
class BenchContextTest {

    @Test
    void aWarmUpLongerThanTheRunGetsRequestsForItsOwnLength(@TempDir Path state) {
        BenchOptions options = BenchOptions.parse("--state", state.toString(), "--script", "/p", "--quick",
                "--warmup", "2", "--duration", "1");
        List<Duration> lengths = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (BenchContext context = new BenchContext(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            RunResult run = context.load(20, options.duration(), length -> {
                lengths.add(length);
                return preBuilt((int) (20 * length.toSeconds()));
            }).value();

            assertThat(lengths).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
            assertThat(run.errorCount()).isZero();
            assertThat(run.sent()).isEqualTo(20L);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("warm-up 2 s").doesNotContain("failed");
    }

    /** Like signed tokens: exactly {@code count} requests exist; asking for one more fails. */
    private static Target preBuilt(int count) {
        return sequence -> sequence < count
                ? CompletableFuture.completedFuture(Outcome.OK)
                : CompletableFuture.failedFuture(new ArrayIndexOutOfBoundsException((int) sequence));
    }
}
