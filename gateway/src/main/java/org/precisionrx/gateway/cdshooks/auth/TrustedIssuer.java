package org.precisionrx.gateway.cdshooks.auth;

import java.util.List;
import java.util.Map;

/**
 * A configured EHR: its {@code iss}, its own key source, the {@code jku} URLs it may point to
 * instead, and the FHIR servers it may see patients of.
 */
record TrustedIssuer(String issuer, JwksSource keys, Map<String, JwksSource> allowedJku, List<String> fhirServers) {

    TrustedIssuer {
        allowedJku = Map.copyOf(allowedJku);
        fhirServers = List.copyOf(fhirServers);
    }

    /**
     * Where to look up the signing key. A {@code jku} header is an attacker's easiest way to supply
     * their own keys, so it is only followed when it exactly matches an allowlisted URL.
     */
    JwksSource keysFor(String jku) {
        if (jku == null) {
            return keys;
        }
        JwksSource named = allowedJku.get(jku);
        if (named == null) {
            throw new CdsAuthException("jku_not_allowed", "the token's jku header is not allowed for its issuer");
        }
        return named;
    }
}
