package org.precisionrx.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsToTheFullStandardRun() {
        BenchOptions o = BenchOptions.parse("--state", "/s", "--script", "/p");
        assertThat(o.scenarios()).containsExactlyInAnyOrderElementsOf(BenchOptions.SCENARIOS);
        assertThat(o.patients()).isEqualTo(100_000);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.resultsDir()).isEqualTo(Path.of("/s/bench-results"));
    }

    @Test
    void quickShortensAndOptionsOverride() {
        BenchOptions o = BenchOptions.parse("--state", "/s", "--script", "/p", "--quick", "--scenario", "recommend,startup",
                "--patients", "500", "--results", "/r");
        assertThat(o.scenarios()).containsExactlyInAnyOrder("recommend", "startup");
        assertThat(o.runs("patient-view")).isFalse();
        assertThat(o.patients()).isEqualTo(500);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.resultsDir()).isEqualTo(Path.of("/r"));
    }

    @Test
    void warmupCanBeSetApart() {
        BenchOptions o = BenchOptions.parse("--state", "/s", "--script", "/p", "--quick", "--warmup", "30");
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> BenchOptions.parse("--state", "/s", "--script", "/p", "--warmup", "0"))
                .hasMessageContaining("--warmup needs a positive whole number");
    }

    @Test
    void explainsBadCommandLines() {
        assertThatThrownBy(() -> BenchOptions.parse("--state", "/s", "--script", "/p", "--scenario", "nope"))
                .hasMessageContaining("no scenario 'nope'");
        assertThatThrownBy(() -> BenchOptions.parse("--state", "/s", "--script", "/p", "--patients", "-3"))
                .hasMessageContaining("--patients needs a positive whole number");
        assertThatThrownBy(() -> BenchOptions.parse("--state", "/s", "--duration")).hasMessageContaining("--duration needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--quick")).hasMessageContaining("--state and --script are required");
    }
}
