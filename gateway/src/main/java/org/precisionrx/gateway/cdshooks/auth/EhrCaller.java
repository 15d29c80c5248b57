package org.precisionrx.gateway.cdshooks.auth;

import java.util.List;

/**
 * An EHR whose CDS Hooks JWT was verified.
 *
 * @param issuer      the {@code iss} claim, one of the configured issuers
 * @param clientId    the {@code sub} claim: the EHR's client id
 * @param tenant      the {@code tenant} claim, or null when the EHR sends none
 * @param jti         the token's id, already recorded against replay
 * @param fhirServers the issuer's configured FHIR base URLs: the only data sources it may see patients of
 */
public record EhrCaller(String issuer, String clientId, String tenant, String jti, List<String> fhirServers) {

    public EhrCaller {
        fhirServers = List.copyOf(fhirServers);
    }
}
