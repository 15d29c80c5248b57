package org.precisionrx.gateway.cdshooks.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured issuers by {@code iss}. Built once at startup, so a misconfigured issuer stops
 * the gateway instead of failing its first request.
 */
final class TrustedIssuers {

    private static final String PREFIX = "precisionrx.cds.issuers.";

    private final Map<String, TrustedIssuer> byIssuer = new HashMap<>();

    TrustedIssuers(CdsIssuersConfig config, HttpClient http, Clock clock) {
        config.issuers().forEach((name, entry) -> {
            TrustedIssuer issuer = new TrustedIssuer(entry.issuer(), keySource(name, entry, http, clock),
                    jkuSources(name, entry, http, clock), fhirServers(name, entry));
            if (byIssuer.putIfAbsent(issuer.issuer(), issuer) != null) {
                throw new IllegalStateException("issuer " + issuer.issuer() + " is configured twice");
            }
        });
    }

    Optional<TrustedIssuer> find(String iss) {
        return Optional.ofNullable(byIssuer.get(iss));
    }

    private static JwksSource keySource(String name, CdsIssuersConfig.Issuer entry, HttpClient http, Clock clock) {
        Optional<String> url = entry.jwksUrl();
        Optional<Path> file = entry.jwksFile();
        if (url.isPresent() == file.isPresent()) {
            throw new IllegalStateException(
                    "set exactly one of " + PREFIX + name + ".jwks-url and " + PREFIX + name + ".jwks-file");
        }
        if (url.isPresent()) {
            return JwksSource.fromUrl(httpUrl(PREFIX + name + ".jwks-url", url.get()), http, clock);
        }
        if (!Files.isReadable(file.get())) {
            throw new IllegalStateException(PREFIX + name + ".jwks-file is not a readable file: " + file.get());
        }
        return JwksSource.fromFile(file.get(), clock);
    }

    private static Map<String, JwksSource> jkuSources(String name, CdsIssuersConfig.Issuer entry, HttpClient http,
            Clock clock) {
        Map<String, JwksSource> sources = new LinkedHashMap<>();
        for (String jku : entry.jkuAllowlist().orElse(List.of())) {
            sources.put(jku, JwksSource.fromUrl(httpUrl(PREFIX + name + ".jku-allowlist", jku), http, clock));
        }
        return sources;
    }

    private static List<String> fhirServers(String name, CdsIssuersConfig.Issuer entry) {
        if (entry.fhirServers().isEmpty()) {
            throw new IllegalStateException(PREFIX + name + ".fhir-servers must name at least one FHIR server");
        }
        return entry.fhirServers();
    }

    private static URI httpUrl(String key, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " is not a URL: " + value, e);
        }
        // Keys fetched over plain HTTP could be swapped on the way; only a local hop may skip TLS.
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean localHttp = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
        if (!https && !localHttp) {
            throw new IllegalStateException(key + " must be an https URL (http only to localhost): " + value);
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }
}
