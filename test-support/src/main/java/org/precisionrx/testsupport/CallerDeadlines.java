package org.precisionrx.testsupport;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.Context;

/**
 * Runs a client call the way a service method runs it when its caller set a deadline: on a gRPC
 * {@link Context} with that deadline, so a test can call a client bean directly as a late or hurried
 * caller would.
 */
public final class CallerDeadlines {

    /** Cancels a context when its deadline passes. */
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "test-caller-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private CallerDeadlines() {
    }

    /** {@code call}'s answer, run with {@code millis} left of the caller's deadline (0 or less: already passed). */
    public static <T> T within(long millis, Supplier<T> call) {
        Context.CancellableContext context = Context.current().withDeadlineAfter(millis, TimeUnit.MILLISECONDS, CLOCK);
        try {
            return context.call(call::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            context.cancel(null);
        }
    }
}
