package org.precisionrx.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the browser page needs to log in: the Keycloak realm as the browser reaches it, and its client. */
@ConfigMapping(prefix = "precisionrx.web")
public interface WebConfig {

    /** The realm URL, e.g. {@code http://127.0.0.1:8180/realms/precisionrx}; the browser may reach Keycloak at another address than the gateway does. */
    String authority();

    @WithDefault("precisionrx-web")
    String clientId();
}
