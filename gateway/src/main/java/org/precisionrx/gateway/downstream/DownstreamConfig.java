package org.precisionrx.gateway.downstream;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-call deadlines for the services behind the gateway (set per call: the client config is unreliable). */
@ConfigMapping(prefix = "precisionrx.gateway.deadlines")
public interface DownstreamConfig {

    @WithDefault("2s")
    Duration profile();

    @WithDefault("3s")
    Duration dosage();

    @WithDefault("5s")
    Duration recommender();

    /** Bulk FHIR imports write many patients. */
    @WithDefault("60s")
    Duration imports();
}
