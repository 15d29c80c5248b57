package org.precisionrx.bench.report;

import java.util.Map;

import org.precisionrx.bench.load.RunResult;

/** One run of a scenario as reported: rate, counts, latency percentiles (ms) and how late the generator sent. */
public record Measurement(String label, double offeredRate, double seconds, long sent, long ok, Map<String, Long> errors,
        Map<String, String> errorSamples, double throughput, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, double sendLagP99Ms) {

    public static Measurement of(String label, RunResult r) {
        return new Measurement(label, r.offeredRate(), r.elapsedSeconds(), r.sent(), r.ok(), r.errors(), r.errorSamples(), r.throughput(),
                r.latencyMillis(50), r.latencyMillis(90), r.latencyMillis(99), r.latencyMillis(99.9), r.maxLatencyMillis(),
                r.sendLag().getTotalCount() == 0 ? 0 : r.sendLag().getValueAtPercentile(99) / 1000.0);
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
