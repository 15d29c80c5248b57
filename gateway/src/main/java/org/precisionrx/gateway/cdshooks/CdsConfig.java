package org.precisionrx.gateway.cdshooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where EHRs reach the CDS services: the JWT {@code aud} must be this base plus the service path. */
@ConfigMapping(prefix = "precisionrx.cds-service")
public interface CdsConfig {

    @WithDefault("http://127.0.0.1:8104")
    String publicBaseUrl();
}
