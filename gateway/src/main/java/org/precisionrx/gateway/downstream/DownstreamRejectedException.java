package org.precisionrx.gateway.downstream;

import java.util.List;

import io.grpc.Status;
import org.precisionrx.gateway.problem.Problem.Violation;

/** A service answered with an error about the request itself (bad input, not found, conflict). */
public class DownstreamRejectedException extends RuntimeException {

    private final Status.Code code;
    private final List<Violation> violations;

    public DownstreamRejectedException(Status.Code code, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public Status.Code code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
