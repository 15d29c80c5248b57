package org.precisionrx.gateway.downstream;

import java.util.function.Predicate;

/**
 * For {@code @RetryWhen} on idempotent reads only: retried when the service was unreachable,
 * never when it was too slow (the time is spent) or rejected the request.
 */
public final class RetryableDownstream implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof DownstreamUnavailableException unavailable && unavailable.retryable();
    }
}
