package org.precisionrx.grpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.grpc.Deadline;

/**
 * Deadlines for calls made while serving a call: a downstream call gets its own configured budget,
 * or what is left of the incoming call's deadline when that is sooner, so a caller that gives up
 * early does not leave work running downstream on its behalf.
 *
 * <p>grpc-java already caps a call by the deadline of the {@link Context} attached to the calling
 * thread (Quarkus attaches it on the worker thread of a {@code @Blocking} method). Setting it on the
 * call itself also holds on threads without that Context (executors, virtual threads started by the
 * service) and makes the call's own deadline, and so its {@code grpc-timeout} header, the true one.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** The deadline for a downstream call: {@code budget} from now, or the incoming call's deadline if sooner. */
    public static Deadline within(Context incoming, Duration budget) {
        Deadline own = Deadline.after(budget.toNanos(), TimeUnit.NANOSECONDS);
        Deadline inherited = incoming.getDeadline();
        return inherited == null ? own : own.minimum(inherited);
    }

    /** {@link #within(Context, Duration)} for the call being served on this thread. */
    public static Deadline within(Duration budget) {
        return within(Context.current(), budget);
    }

    /** The time left for a downstream call: {@code budget}, or less when the incoming call expires sooner; never negative. */
    public static Duration remaining(Context incoming, Duration budget) {
        long nanos = within(incoming, budget).timeRemaining(TimeUnit.NANOSECONDS);
        return Duration.ofNanos(Math.max(0, nanos));
    }
}
