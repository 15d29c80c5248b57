package org.precisionrx.grpc;

import java.util.Set;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/** How a client answers when a downstream call fails or is refused by its own circuit breaker or bulkhead. */
public final class DownstreamFailures {

    /** The downstream's answer is about the request (bad input, not found, conflict): passed on as it is. */
    private static final Set<Status.Code> REQUEST_FAULTS = Set.of(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
            Status.Code.ALREADY_EXISTS, Status.Code.FAILED_PRECONDITION, Status.Code.ABORTED, Status.Code.OUT_OF_RANGE,
            Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED);

    private DownstreamFailures() {
    }

    /** The failure of a call to {@code service}: a request fault unchanged, anything else a {@link DownstreamFailure}. */
    public static StatusRuntimeException of(String service, StatusRuntimeException failure) {
        Status.Code code = failure.getStatus().getCode();
        if (REQUEST_FAULTS.contains(code) || failure instanceof DownstreamFailure) {
            return failure;
        }
        return new DownstreamFailure(Status.UNAVAILABLE.withDescription(service + " did not answer (" + code + ")")
                .withCause(failure), code);
    }

    /**
     * The answer when the client did not call at all: UNAVAILABLE while the circuit breaker is open,
     * RESOURCE_EXHAUSTED when the bulkhead is full (retry later). Other failures are returned as they are.
     */
    public static RuntimeException refused(String service, Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return Status.UNAVAILABLE.withDescription(service + " is failing; not called while its circuit breaker is open")
                    .asRuntimeException();
        }
        if (failure instanceof BulkheadException) {
            return Status.RESOURCE_EXHAUSTED.withDescription("too many calls to " + service + " in flight; retry shortly")
                    .asRuntimeException();
        }
        if (failure instanceof FaultToleranceException || !(failure instanceof RuntimeException)) {
            return Status.UNAVAILABLE.withDescription(service + " did not answer").withCause(failure).asRuntimeException();
        }
        return (RuntimeException) failure;
    }

    /**
     * What happened instead of an answer, in words naming {@code service}, for a warning or a log line:
     * "refused the request (CODE: …)" when the downstream answered a request fault, else the
     * description of {@link #refused} (did not answer, breaker open, bulkhead full, caller too late).
     */
    public static String describe(String service, Throwable failure) {
        if (failure instanceof StatusRuntimeException answered && REQUEST_FAULTS.contains(answered.getStatus().getCode())) {
            String description = answered.getStatus().getDescription();
            return service + " refused the request (" + answered.getStatus().getCode()
                    + (description == null ? "" : ": " + description) + ")";
        }
        RuntimeException refusal = refused(service, failure);
        String description = refusal instanceof StatusRuntimeException status ? status.getStatus().getDescription() : null;
        return description != null ? description : "the call to " + service + " failed (" + refusal + ")";
    }
}
