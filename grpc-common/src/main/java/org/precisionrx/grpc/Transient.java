package org.precisionrx.grpc;

import java.util.function.Predicate;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The failures worth retrying an idempotent read for: the service was unreachable or refused the
 * call before doing work (UNAVAILABLE). Never DEADLINE_EXCEEDED: the time budget is spent.
 * For {@code @RetryWhen(exception = Transient.class)}.
 */
public final class Transient implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        if (failure instanceof DownstreamFailure downstream) {
            return downstream.downstreamCode() == Status.Code.UNAVAILABLE;
        }
        return failure instanceof StatusRuntimeException status && status.getStatus().getCode() == Status.Code.UNAVAILABLE;
    }
}
