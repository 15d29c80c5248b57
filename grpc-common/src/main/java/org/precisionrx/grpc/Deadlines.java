package org.precisionrx.grpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;

/**
 * Deadlines for calls to other services. A downstream call gets the configured deadline or what is
 * left of the incoming call's deadline, whichever is sooner; a call whose caller has (nearly) given
 * up is not started at all: it fails at once with DEADLINE_EXCEEDED naming the downstream.
 */
public final class Deadlines {

    /** Less time than this left and a downstream call cannot usefully answer. */
    public static final Duration MINIMUM = Duration.ofMillis(50);

    private Deadlines() {
    }

    /** The stub with min(configured, left of the current gRPC context's deadline) set per call. */
    public static <S extends AbstractStub<S>> S bounded(S stub, Duration configured, String downstream) {
        return stub.withDeadlineAfter(budgetMillis(configured, Context.current().getDeadline(), downstream),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Calls {@code rpc} on the stub {@link #bounded} by the caller's deadline; a failed call is
     * {@link DownstreamFailures#of}. A caller already (nearly) late is refused with DEADLINE_EXCEEDED
     * before anything is sent: that is no failure of the downstream, so it is not a
     * {@link DownstreamFailure} and does not count against the downstream's circuit breaker.
     */
    public static <S extends AbstractStub<S>, T> T call(S stub, Duration configured, String downstream, Function<S, T> rpc) {
        S bounded = bounded(stub, configured, downstream);
        try {
            return rpc.apply(bounded);
        } catch (StatusRuntimeException e) {
            throw DownstreamFailures.of(downstream, e);
        }
    }

    /**
     * @param incoming the caller's deadline, or null when the caller set none
     * @throws StatusRuntimeException DEADLINE_EXCEEDED when less than {@link #MINIMUM} is left
     */
    static long budgetMillis(Duration configured, Deadline incoming, String downstream) {
        long budget = configured.toMillis();
        if (incoming == null) {
            return budget;
        }
        long left = incoming.timeRemaining(TimeUnit.MILLISECONDS);
        if (left < MINIMUM.toMillis()) {
            throw Status.DEADLINE_EXCEEDED
                    .withDescription("not calling " + downstream + ": the caller's deadline "
                            + (left <= 0 ? "has passed" : "is " + left + " ms away"))
                    .asRuntimeException();
        }
        return Math.min(budget, left);
    }
}
