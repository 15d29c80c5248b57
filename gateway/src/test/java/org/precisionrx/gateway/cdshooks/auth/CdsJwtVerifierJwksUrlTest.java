package org.precisionrx.gateway.cdshooks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.precisionrx.gateway.cdshooks.auth.TestTokens.bearer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys fetched over HTTP: the issuer's JWK Set URL, key rotation, and the {@code jku} allowlist. */
class CdsJwtVerifierJwksUrlTest {

    private static final String SERVICE_URL = "https://gateway.test.precisionrx.org/cds-services/prx-dose-check";
    private static final String ISSUER = "https://url-ehr.example.org";
    private static final String JWKS = "/ehr/jwks.json";
    private static final String ALLOWED_JKU = "/ehr/jku-jwks.json";
    private static final String FOREIGN_JKU = "/attacker/jwks.json";

    private static LocalJwksServer server;
    private static DataSource jtiStore;

    private final EllipticCurveJsonWebKey first = newKey("first");
    private final EllipticCurveJsonWebKey second = newKey("second");
    private final EllipticCurveJsonWebKey jkuKey = newKey("jku-key");
    private final EllipticCurveJsonWebKey attackerKey = newKey("attacker");
    private MutableClock clock;
    private CdsJwtVerifier verifier;

    @BeforeAll
    static void startServer() {
        server = LocalJwksServer.start();
        jtiStore = JtiTestDatabase.create("jwks_url");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A fresh verifier each time, so every test starts with empty key caches and its own hit counts. */
    @BeforeEach
    void trustTheUrlEhr() {
        server.serve(JWKS, jwks(first));
        server.serve(ALLOWED_JKU, jwks(jkuKey));
        server.serve(FOREIGN_JKU, jwks(attackerKey));
        clock = new MutableClock(Instant.now());
        Map<String, String> properties = new HashMap<>();
        properties.put("precisionrx.cds.issuers.url-ehr.issuer", ISSUER);
        properties.put("precisionrx.cds.issuers.url-ehr.jwks-url", server.url(JWKS));
        properties.put("precisionrx.cds.issuers.url-ehr.jku-allowlist", server.url(ALLOWED_JKU));
        properties.put("precisionrx.cds.issuers.url-ehr.fhir-servers", "https://url-ehr.example.org/fhir");
        verifier = new CdsJwtVerifier(TestCdsConfig.from(properties), new JtiReplayGuard(jtiStore, clock), clock);
    }

    @Test
    void fetchesTheKeysOnceAndKeepsThem() {
        int before = server.hits(JWKS);

        verifier.verify(bearer(token(first, Map.of())), SERVICE_URL);
        verifier.verify(bearer(token(first, Map.of())), SERVICE_URL);

        assertThat(server.hits(JWKS) - before).isEqualTo(1);
    }

    @Test
    void reloadsOnceWhenTheEhrRotatesItsKey() {
        verifier.verify(bearer(token(first, Map.of())), SERVICE_URL);
        server.serve(JWKS, jwks(second));
        clock.advance(Duration.ofSeconds(31));
        int before = server.hits(JWKS);

        EhrCaller caller = verifier.verify(bearer(token(second, Map.of())), SERVICE_URL);

        assertThat(caller.issuer()).isEqualTo(ISSUER);
        assertThat(server.hits(JWKS) - before).isEqualTo(1);
    }

    @Test
    void reloadsAtMostEvery30SecondsForUnknownKeyIds() {
        verifier.verify(bearer(token(first, Map.of())), SERVICE_URL);
        int before = server.hits(JWKS);

        assertRefused(token(second, Map.of()), "unknown_kid");
        clock.advance(Duration.ofSeconds(29));
        assertRefused(token(second, Map.of()), "unknown_kid");
        assertThat(server.hits(JWKS) - before).as("reloads within 30 s of the first load").isZero();

        clock.advance(Duration.ofSeconds(2));
        assertRefused(token(second, Map.of()), "unknown_kid");
        assertRefused(token(second, Map.of()), "unknown_kid");
        assertThat(server.hits(JWKS) - before).as("one reload once 30 s have passed").isEqualTo(1);
    }

    @Test
    void stopsTrustingAWithdrawnKeyOnceTheCopyIsOld() {
        verifier.verify(bearer(token(first, Map.of())), SERVICE_URL);
        server.serve(JWKS, jwks(second));
        clock.advance(Duration.ofMinutes(16));

        assertRefused(token(first, Map.of()), "unknown_kid");
    }

    @Test
    void refusesWhenTheKeysCannotBeLoaded() {
        server.serve(JWKS, null);

        assertRefused(token(first, Map.of()), "jwks_unavailable");
    }

    @Test
    void takesTheKeyFromAnAllowlistedJku() {
        EhrCaller caller = verifier.verify(bearer(token(jkuKey, Map.of("jku", server.url(ALLOWED_JKU)))), SERVICE_URL);

        assertThat(caller.issuer()).isEqualTo(ISSUER);
    }

    @Test
    void looksOnlyInTheJkuSetWhenAJkuIsNamed() {
        assertRefused(token(first, Map.of("jku", server.url(ALLOWED_JKU))), "unknown_kid");
    }

    @Test
    void refusesAJkuNotOnTheAllowlistWithoutFetchingIt() {
        int before = server.hits(FOREIGN_JKU);

        assertRefused(token(attackerKey, Map.of("jku", server.url(FOREIGN_JKU))), "jku_not_allowed");
        assertThat(server.hits(FOREIGN_JKU)).isEqualTo(before);
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(bearer(token), SERVICE_URL))
                .isInstanceOfSatisfying(CdsAuthException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String token(EllipticCurveJsonWebKey key, Map<String, String> extraHeaders) {
        JwtClaims claims = TestEhr.get().claims(SERVICE_URL);
        claims.setIssuer(ISSUER);
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("kid", key.getKeyId());
        return TestTokens.sign(claims, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, key.getPrivateKey(),
                headers);
    }

    private static EllipticCurveJsonWebKey newKey(String kid) {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P384);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(JsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson(OutputControlLevel.PUBLIC_ONLY);
    }
}
