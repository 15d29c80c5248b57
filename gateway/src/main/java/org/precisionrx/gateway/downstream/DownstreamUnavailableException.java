package org.precisionrx.gateway.downstream;

import java.util.Locale;

import io.grpc.Status;

/** A service behind the gateway did not answer in time or is down; counts against its circuit breaker. */
public class DownstreamUnavailableException extends RuntimeException {

    private final String service;
    private final Status.Code code;

    public DownstreamUnavailableException(String service, Status.Code code) {
        super(service + " is unavailable (" + code.name().toLowerCase(Locale.ROOT) + ")", null, false, false);
        this.service = service;
        this.code = code;
    }

    /** The service was unreachable or refused before doing work: an idempotent read may be tried again. */
    public boolean retryable() {
        return code == Status.Code.UNAVAILABLE;
    }

    /** The service's queue was full: the caller is asked to come back later (429), not told it is down. */
    public boolean overloaded() {
        return code == Status.Code.RESOURCE_EXHAUSTED;
    }

    public String service() {
        return service;
    }
}
