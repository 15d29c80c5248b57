package org.precisionrx.grpc.server;

import jakarta.inject.Singleton;

import io.quarkus.grpc.GlobalInterceptor;
import org.precisionrx.grpc.InFlightLimit;

/**
 * The in-flight limit on every gRPC service of the Quarkus service that includes grpc-common; it
 * also stops taking new calls at shutdown.
 */
@Singleton
@GlobalInterceptor
public class InFlightLimitInterceptor extends InFlightLimit {

    public InFlightLimitInterceptor(ServerLimits limits) {
        super(limits.maxInFlight(), limits.retryAfter());
        // Quarkus raises ShutdownEvent only after the HTTP server (which carries gRPC) has drained,
        // too late to stop new calls; a JVM shutdown hook runs as soon as SIGTERM arrives, beside
        // Quarkus's own, so new calls are refused while the held ones finish.
        Runtime.getRuntime().addShutdownHook(new Thread(this::drain, "grpc-drain"));
    }
}
