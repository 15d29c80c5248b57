package org.precisionrx.bench.load;

import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What one open-loop run measured. {@code latency} is in microseconds from each request's intended
 * send time to its completion (coordinated omission corrected); {@code sendLag} is how late the
 * generator actually sent, in microseconds, to show whether the generator kept up.
 * {@code errorSamples} holds, per error kind, what the target said the first time.
 */
public record RunResult(double offeredRate, long sent, long ok, Map<String, Long> errors, Map<String, String> errorSamples,
        double elapsedSeconds, Histogram latency, Histogram sendLag) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Successful requests per second, from the first due time until the last completion. */
    public double throughput() {
        return elapsedSeconds > 0 ? ok / elapsedSeconds : 0;
    }

    /** A latency percentile in milliseconds. */
    public double latencyMillis(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxLatencyMillis() {
        return latency.getMaxValue() / 1000.0;
    }
}
