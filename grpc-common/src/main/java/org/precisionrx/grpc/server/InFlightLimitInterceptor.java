package org.precisionrx.grpc.server;

import jakarta.inject.Singleton;

import io.quarkus.grpc.GlobalInterceptor;
import org.precisionrx.grpc.InFlightLimit;

/** The in-flight limit on every gRPC service of the Quarkus service that includes grpc-common. */
@Singleton
@GlobalInterceptor
public class InFlightLimitInterceptor extends InFlightLimit {

    public InFlightLimitInterceptor(ServerLimits limits) {
        super(limits.maxInFlight(), limits.retryAfter());
    }
}
