package org.precisionrx.gateway.downstream;

/** A service behind the gateway did not answer in time or is down; counts against its circuit breaker. */
public class DownstreamUnavailableException extends RuntimeException {

    private final String service;

    public DownstreamUnavailableException(String service, String reason) {
        super(service + " is unavailable (" + reason + ")", null, false, false);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
