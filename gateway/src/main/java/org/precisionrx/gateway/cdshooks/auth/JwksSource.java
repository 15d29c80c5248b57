package org.precisionrx.gateway.cdshooks.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * One JWK Set (from a URL or a local file), cached. It is reloaded when a token names a key id it
 * does not hold (key rotation) and when the copy grows old (so withdrawn keys stop being trusted),
 * but at most once per {@link #MIN_RELOAD_INTERVAL}: tokens with made-up key ids must not turn the
 * gateway into a load generator against the EHR. A failed reload keeps the keys already held.
 */
final class JwksSource {

    static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(30);
    static final Duration MAX_AGE = Duration.ofMinutes(15);

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_JWKS_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(JwksSource.class);

    @FunctionalInterface
    private interface Loader {
        String load() throws IOException;
    }

    private final String location;
    private final Loader loader;
    private final Clock clock;

    // Guarded by this: lookups are short, and a reload in progress should make concurrent
    // lookups for the same new key id wait for it rather than fetch again.
    private List<JsonWebKey> keys;
    private Instant loadedAt;
    private Instant lastAttempt;

    private JwksSource(String location, Loader loader, Clock clock) {
        this.location = location;
        this.loader = loader;
        this.clock = clock;
    }

    static JwksSource fromUrl(URI url, HttpClient http, Clock clock) {
        return new JwksSource(url.toString(), () -> fetch(url, http), clock);
    }

    static JwksSource fromFile(Path file, Clock clock) {
        return new JwksSource(file.toString(), () -> Files.readString(file, StandardCharsets.UTF_8), clock);
    }

    /**
     * The key with this id that fits {@code alg}, reloading once if none does.
     *
     * @throws CdsAuthException {@code jwks_unavailable} when the set has never been loaded
     */
    synchronized Optional<JsonWebKey> find(String kid, String alg) {
        if (keys == null || isOld()) {
            reloadIfAllowed();
        }
        if (keys == null) {
            throw new CdsAuthException("jwks_unavailable", "the issuer's signing keys cannot be loaded");
        }
        Optional<JsonWebKey> key = lookup(kid, alg);
        if (key.isEmpty() && reloadIfAllowed()) {
            key = lookup(kid, alg);
        }
        return key;
    }

    private Optional<JsonWebKey> lookup(String kid, String alg) {
        return keys.stream()
                .filter(key -> kid.equals(key.getKeyId()) && SigningAlgorithms.fits(key, alg))
                .findFirst();
    }

    private boolean isOld() {
        return loadedAt != null && clock.instant().isAfter(loadedAt.plus(MAX_AGE));
    }

    private boolean reloadIfAllowed() {
        Instant now = clock.instant();
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(MIN_RELOAD_INTERVAL))) {
            return false;
        }
        lastAttempt = now;
        try {
            List<JsonWebKey> loaded = new ArrayList<>();
            for (JsonWebKey key : new JsonWebKeySet(loader.load()).getJsonWebKeys()) {
                loaded.add(EcdsaProvider.verificationKey(key));
            }
            keys = List.copyOf(loaded);
            loadedAt = now;
            return true;
        } catch (IOException | JoseException e) {
            LOG.warnf("cannot load the JWK Set %s: %s", location, e.getMessage());
            return false;
        }
    }

    private static String fetch(URI url, HttpClient http) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(HTTP_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_JWKS_BYTES + 1);
                if (bytes.length > MAX_JWKS_BYTES) {
                    throw new IOException("larger than " + MAX_JWKS_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching");
        }
    }
}
