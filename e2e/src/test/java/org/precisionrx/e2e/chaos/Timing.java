package org.precisionrx.e2e.chaos;

import java.time.Duration;
import java.time.Instant;

/** Pauses and elapsed times of the chaos timelines. */
final class Timing {

    private Timing() {
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
