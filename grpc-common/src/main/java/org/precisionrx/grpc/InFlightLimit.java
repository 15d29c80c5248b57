package org.precisionrx.grpc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Bounds the calls a service holds at once, queued or running. One more is refused at once with
 * RESOURCE_EXHAUSTED and a google.rpc.RetryInfo delay, so no queue grows without limit and the
 * caller knows when to come back. Abstract so that only the registered subclass
 * ({@code server.InFlightLimitInterceptor}, global in every service) is an interceptor.
 */
public abstract class InFlightLimit implements ServerInterceptor {

    private final int limit;
    private final Duration retryDelay;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    protected InFlightLimit(int limit, Duration retryDelay) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        this.retryDelay = retryDelay;
    }

    /**
     * From now on every new call is refused with UNAVAILABLE (callers retry elsewhere or later);
     * calls already held run to the end. For graceful shutdown.
     */
    public void drain() {
        draining = true;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (draining) {
            call.close(Status.UNAVAILABLE.withDescription(call.getMethodDescriptor().getServiceName()
                    + " is shutting down; retry"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            StatusRuntimeException refusal = refusal(call.getMethodDescriptor().getServiceName());
            call.close(refusal.getStatus(), refusal.getTrailers());
            return new ServerCall.Listener<>() {
            };
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        ServerCall<Q, R> counted = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                release.run();
                super.close(status, trailers);
            }
        };
        try {
            return new SimpleForwardingServerCallListener<>(next.startCall(counted, headers)) {
                @Override
                public void onCancel() {
                    release.run();
                    super.onCancel();
                }
            };
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /** Calls held now. */
    public int inFlight() {
        return inFlight.get();
    }

    private StatusRuntimeException refusal(String service) {
        RetryInfo retry = RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
                .setSeconds(retryDelay.toSeconds()).setNanos(retryDelay.toNanosPart())).build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
                .setMessage(service + " is at its limit of " + limit + " calls in flight; retry after "
                        + retryDelay.toMillis() + " ms")
                .addDetails(Any.pack(retry))
                .build());
    }
}
