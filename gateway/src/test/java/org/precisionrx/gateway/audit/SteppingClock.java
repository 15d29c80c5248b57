package org.precisionrx.gateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves forward by a fixed step on every reading, so tests know each record's time. */
final class SteppingClock extends Clock {

    private final Instant start;
    private final Duration step;
    private final AtomicLong readings = new AtomicLong();

    SteppingClock(Instant start, Duration step) {
        this.start = start;
        this.step = step;
    }

    /** The time the n-th reading (from 0) returns. */
    Instant reading(long n) {
        return start.plus(step.multipliedBy(n));
    }

    @Override
    public Instant instant() {
        return reading(readings.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
