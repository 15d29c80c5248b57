package org.precisionrx.e2e.chaos;

import java.time.Duration;
import java.time.Instant;

import org.precisionrx.e2e.support.Reply;

/** What one request of a load got: its status (-1 for no answer at all), how long it took, and its kind. */
record Outcome(String probe, Instant at, Duration took, int status, boolean full, boolean clean, String summary) {

    static Outcome of(Probe probe, Instant at, Reply reply) {
        boolean full = probe.isFull(reply);
        return new Outcome(probe.name(), at, Duration.between(at, Instant.now()), reply.status(), full, isClean(reply),
                (full ? "" : probe.difference(reply)) + reply);
    }

    static Outcome noAnswer(Probe probe, Instant at, RuntimeException e) {
        return new Outcome(probe.name(), at, Duration.between(at, Instant.now()), -1, false, false,
                probe.name() + ": " + e.getMessage());
    }

    /**
     * What the gateway promises under failure: a 200 (full, or partial and flagged) or, where nothing
     * useful can be answered, a 503 problem with {@code Retry-After}. Anything else (a 500 from an
     * unhandled error, a 502, a 504, no answer) breaks the promise.
     */
    static boolean isClean(Reply reply) {
        if (reply.status() == 200) {
            return true;
        }
        return reply.status() == 503 && reply.contentType() != null && reply.contentType().startsWith("application/problem+json")
                && reply.header("Retry-After") != null;
    }

    boolean degradedOrRefused() {
        return clean && !full;
    }
}
