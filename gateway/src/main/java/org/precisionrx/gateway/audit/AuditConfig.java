package org.precisionrx.gateway.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How audit records are grouped into commits (see {@link AuditWriter}). */
@ConfigMapping(prefix = "precisionrx.audit")
public interface AuditConfig {

    /** Records that may wait for their commit; when full, accesses are refused with 503 and Retry-After. */
    @WithDefault("2048")
    int queueCapacity();

    /** Most records appended in one transaction. */
    @WithDefault("256")
    int maxBatch();

    /** Longest a request waits for its record's commit before the access is refused. */
    @WithDefault("10s")
    Duration commitTimeout();
}
