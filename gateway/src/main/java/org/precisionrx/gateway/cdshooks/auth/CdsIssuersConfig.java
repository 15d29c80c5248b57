package org.precisionrx.gateway.cdshooks.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The EHRs allowed to call the CDS Hooks services, and how strictly their JWTs are timed. */
@ConfigMapping(prefix = "precisionrx.cds")
public interface CdsIssuersConfig {

    /** Trusted EHRs by a local name (the config key), e.g. {@code precisionrx.cds.issuers.st-mary.issuer}. */
    Map<String, Issuer> issuers();

    /** Tolerated difference between the EHR's clock and ours. */
    @WithDefault("60s")
    Duration clockSkew();

    /** Longest accepted {@code exp - iat}; CDS Hooks recommends at most five minutes. */
    @WithDefault("5m")
    Duration maxTokenLifetime();

    interface Issuer {

        /** The exact {@code iss} value the EHR puts in its tokens. */
        String issuer();

        /** Where the EHR publishes its JWK Set. Exactly one of this and {@link #jwksFile()}. */
        Optional<String> jwksUrl();

        /** A local copy of the EHR's JWK Set, for hospitals without outbound network access. */
        Optional<Path> jwksFile();

        /** JWK Set URLs the EHR may name in a {@code jku} header; without it, {@code jku} is refused. */
        Optional<List<String>> jkuAllowlist();

        /** FHIR server base URLs whose patients this EHR may ask about. */
        List<String> fhirServers();
    }
}
