package org.precisionrx.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A downstream service could not answer: unreachable, overloaded, out of time or failing. Answered
 * to the caller as UNAVAILABLE naming the service; counts against that service's circuit breaker.
 * It keeps the downstream's own code, so only a real UNAVAILABLE is retried (see {@link Transient}).
 */
public class DownstreamFailure extends StatusRuntimeException {

    private final Status.Code downstreamCode;

    DownstreamFailure(Status status, Status.Code downstreamCode) {
        super(status, null);
        this.downstreamCode = downstreamCode;
    }

    public Status.Code downstreamCode() {
        return downstreamCode;
    }
}
