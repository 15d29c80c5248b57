package org.precisionrx.grpc.server;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much work a service's gRPC server holds at once. */
@ConfigMapping(prefix = "precisionrx.grpc")
public interface ServerLimits {

    /** Calls queued or running at once; one more is refused with RESOURCE_EXHAUSTED. */
    @WithDefault("64")
    int maxInFlight();

    /** The retry delay a refused caller is given (google.rpc.RetryInfo). */
    @WithDefault("1s")
    Duration retryAfter();
}
