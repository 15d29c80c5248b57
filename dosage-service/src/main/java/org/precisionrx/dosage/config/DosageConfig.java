package org.precisionrx.dosage.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "precisionrx.dosage")
public interface DosageConfig {

    /** Deadline of each call to patient-profile-service. */
    @WithDefault("2s")
    Duration profileDeadline();

    /** Largest RecommendDoses batch accepted. */
    @WithDefault("100")
    int maxBatch();
}
