package org.precisionrx.bench.load;

import java.time.Duration;

/**
 * When each request of a fixed-rate, open-loop run is due: request {@code i} at {@code i / rate}
 * seconds after the start, computed from {@code i} rather than accumulated, so no drift builds up.
 */
public record Schedule(double ratePerSecond, Duration duration) {

    public Schedule {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of requests per second, was " + ratePerSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
    }

    /** How many requests the run sends: one per {@code 1 / rate} seconds, at least one. */
    public long requests() {
        return Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
    }

    /** Nanoseconds after the start at which request {@code i} is due. */
    public long dueNanos(long i) {
        if (i < 0 || i >= requests()) {
            throw new IndexOutOfBoundsException("request " + i + " of " + requests());
        }
        return Math.round(i * 1e9 / ratePerSecond);
    }
}
