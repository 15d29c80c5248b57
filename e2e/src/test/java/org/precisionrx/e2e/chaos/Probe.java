package org.precisionrx.e2e.chaos;

import java.util.function.Function;
import java.util.function.Supplier;

import org.precisionrx.e2e.support.Reply;

/**
 * One kind of request of a load, with what its full answer looks like: the fingerprint (say, the
 * card indicators, or the degraded flag) of its answer while everything was up. An answer is full
 * when it is a 200 with that same fingerprint; a degraded 200 differs from it.
 */
record Probe(String name, Supplier<Reply> send, Function<Reply, String> fingerprint, String healthy) {

    private static final int CALIBRATION_TRIES = 10;

    /**
     * Sends the request with everything up until two answers in a row agree, and keeps that
     * fingerprint as the full one: the first calls after a start can be slow enough to be partial.
     */
    static Probe calibrated(String name, Supplier<Reply> send, Function<Reply, String> fingerprint) {
        String previous = null;
        for (int i = 0; i < CALIBRATION_TRIES; i++) {
            String current = fingerprint.apply(send.get().expect(200));
            if (current.equals(previous)) {
                return new Probe(name, send, fingerprint, current);
            }
            previous = current;
        }
        throw new AssertionError(name + " gave no stable answer in " + CALIBRATION_TRIES + " tries; last: " + previous);
    }

    /** A probe whose every 200 is a full answer. */
    static Probe anyOk(String name, Supplier<Reply> send) {
        return calibrated(name, send, reply -> "ok");
    }

    /** Why an answer is not full, for failure messages. */
    String difference(Reply reply) {
        return reply.status() != 200 ? "" : "full answer: " + healthy + "; this one: " + fingerprint.apply(reply) + "; ";
    }

    boolean isFull(Reply reply) {
        return reply.status() == 200 && healthy.equals(fingerprint.apply(reply));
    }
}
