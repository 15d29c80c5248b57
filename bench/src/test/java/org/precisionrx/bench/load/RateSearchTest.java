package org.precisionrx.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RateSearchTest {

    /** A fake system: 5 ms p99 up to 400 req/s, 80 ms beyond. */
    static RunResult run(double rate) {
        Histogram latency = new Histogram(3);
        latency.recordValueWithCount(rate <= 400 ? 5_000 : 80_000, 100);
        return new RunResult(rate, 100, 100, Map.of(), Map.of(), 100 / rate, latency, new Histogram(3));
    }

    @Test
    void stepsUpUntilTheLatencyLimitBreaks() {
        List<Double> offered = new ArrayList<>();
        RateSearch.Result result = new RateSearch(100, 1.5, 5_000, 50).search(rate -> {
            offered.add(rate);
            return run(rate);
        });

        assertThat(offered).containsExactly(100.0, 150.0, 225.0, 338.0, 507.0);
        assertThat(result.best()).get().extracting(s -> s.result().offeredRate()).isEqualTo(338.0);
        assertThat(result.steps()).extracting(RateSearch.Step::sustained).containsExactly(true, true, true, true, false);
    }

    @Test
    void withoutALatencyLimitEveryStepAnsweredInFullCounts() {
        RateSearch.Result result = new RateSearch(100, 1.5, 1_000, RateSearch.NO_LATENCY_LIMIT).search(RateSearchTest::run);

        assertThat(result.steps()).extracting(s -> s.result().offeredRate()).containsExactly(100.0, 150.0, 225.0, 338.0, 507.0, 761.0);
        assertThat(result.steps()).allMatch(RateSearch.Step::sustained); // 80 ms p99 beyond 400/s, but answered
        assertThat(result.best()).get().extracting(s -> s.result().offeredRate()).isEqualTo(761.0);
    }

    @Test
    void anErrorOrFallingBehindBreaksAStep() {
        RateSearch search = new RateSearch(100, 2, 1_000, 50);
        Histogram fast = new Histogram(3);
        fast.recordValue(1_000);
        assertThat(search.sustained(new RunResult(100, 100, 99, Map.of("HTTP 500", 1L), Map.of(), 1, fast, new Histogram(3)))).isFalse();
        assertThat(search.sustained(new RunResult(100, 100, 100, Map.of(), Map.of(), 1.2, fast, new Histogram(3)))).isFalse();
        assertThat(search.sustained(new RunResult(100, 100, 100, Map.of(), Map.of(), 1.0, fast, new Histogram(3)))).isTrue();
    }

    @Test
    void noSustainedStepWhenTheFirstBreaks() {
        assertThat(new RateSearch(500, 1.5, 5_000, 50).search(RateSearchTest::run).best()).isEmpty();
    }
}
