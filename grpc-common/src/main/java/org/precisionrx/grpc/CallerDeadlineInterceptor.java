package org.precisionrx.grpc;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Puts the caller's deadline (its {@code grpc-timeout} header) on the call's gRPC {@link Context},
 * so that {@link Deadlines} bounds downstream calls by it. Quarkus serves gRPC on its HTTP port
 * through the Vert.x gRPC server, which does not read {@code grpc-timeout}: without this, every
 * service method runs without a deadline and passes the full configured one downstream. Where the
 * server has set the deadline itself (grpc-java's own server), the call is left as it is. Each
 * service whose methods call downstream registers it as a global interceptor.
 */
public class CallerDeadlineInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> TIMEOUT = Metadata.Key.of("grpc-timeout", Metadata.ASCII_STRING_MARSHALLER);

    /** At most 8 digits and a unit (gRPC over HTTP/2: hours, minutes, seconds, milli-, micro-, nanoseconds). */
    private static final Pattern VALUE = Pattern.compile("(\\d{1,8})([HMSmun])");

    /** Cancels a call's context when its deadline passes, as grpc-java's server does. */
    private static final ScheduledExecutorService TIMER = timer();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Long timeoutNanos = Context.current().getDeadline() == null ? timeoutNanos(headers.get(TIMEOUT)) : null;
        if (timeoutNanos == null) {
            return next.startCall(call, headers);
        }
        Context.CancellableContext context = Context.current().withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS, TIMER);
        ServerCall.Listener<Q> listener;
        try {
            listener = Contexts.interceptCall(context, call, headers, next);
        } catch (RuntimeException e) {
            context.cancel(e);
            throw e;
        }
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onComplete() {
                try {
                    super.onComplete();
                } finally {
                    context.cancel(null);
                }
            }

            @Override
            public void onCancel() {
                try {
                    super.onCancel();
                } finally {
                    context.cancel(null);
                }
            }
        };
    }

    /** The header's timeout in nanoseconds; null when there is none or it is malformed (then no deadline, as before). */
    static Long timeoutNanos(String header) {
        if (header == null) {
            return null;
        }
        Matcher value = VALUE.matcher(header.strip());
        if (!value.matches()) {
            return null;
        }
        long amount = Long.parseLong(value.group(1));
        TimeUnit unit = switch (value.group(2)) {
            case "H" -> TimeUnit.HOURS;
            case "M" -> TimeUnit.MINUTES;
            case "S" -> TimeUnit.SECONDS;
            case "m" -> TimeUnit.MILLISECONDS;
            case "u" -> TimeUnit.MICROSECONDS;
            default -> TimeUnit.NANOSECONDS;
        };
        return unit.toNanos(amount);
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "grpc-caller-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
