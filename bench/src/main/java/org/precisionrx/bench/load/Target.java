package org.precisionrx.bench.load;

import java.util.concurrent.CompletionStage;

/**
 * One kind of request against the system under test. {@link #send} must not block: it starts the
 * request and returns at once, or the generator's sending thread becomes the bottleneck.
 */
@FunctionalInterface
public interface Target {

    /** Starts request number {@code sequence} (0-based, so pre-built bodies and tokens can be picked by it). */
    CompletionStage<Outcome> send(long sequence);
}
