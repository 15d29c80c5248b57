package org.precisionrx.gateway.cdshooks.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * A pretend EHR for gateway tests: it signs CDS Hooks JWTs with an ES384 key made once per JVM
 * and publishes the public key as a JWK Set file, {@code target/test-ehr/jwks.json}.
 *
 * <p>Quarkus tests take {@link #config()} (for example from a {@code QuarkusTestResourceLifecycleManager})
 * and send {@code "Bearer " + TestEhr.get().token(serviceUrl)}.
 */
public final class TestEhr {

    private static final String ISSUER = "https://ehr.test.precisionrx.org";
    private static final String CONFIG_PREFIX = "precisionrx.cds.issuers.test-ehr.";
    private static final String CLIENT_ID = "test-ehr-client";
    private static final String TENANT = "test-tenant";

    private static TestEhr instance;

    private final EllipticCurveJsonWebKey key;
    private final Path jwksFile;

    private TestEhr(EllipticCurveJsonWebKey key, Path jwksFile) {
        this.key = key;
        this.jwksFile = jwksFile;
    }

    public static synchronized TestEhr get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    private static TestEhr create() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P384);
            key.setKeyId("test-ehr-" + UUID.randomUUID());
            key.setUse("sig");
            key.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
            Path file = Path.of("target", "test-ehr", "jwks.json").toAbsolutePath();
            writeAtomically(file, new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY));
            return new TestEhr(key, file);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot create the test EHR key", e);
        }
    }

    /** A reader (a Quarkus app started by another test) never sees a half-written file. */
    private static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "jwks", ".partial");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public String issuer() {
        return ISSUER;
    }

    public String fhirServer() {
        return ISSUER + "/fhir";
    }

    public String clientId() {
        return CLIENT_ID;
    }

    public String tenant() {
        return TENANT;
    }

    public String kid() {
        return key.getKeyId();
    }

    public Path jwksFile() {
        return jwksFile;
    }

    /** Quarkus configuration trusting this EHR, as issuer entry {@code test-ehr}. */
    public Map<String, String> config() {
        return Map.of(
                CONFIG_PREFIX + "issuer", ISSUER,
                CONFIG_PREFIX + "jwks-file", jwksFile.toString(),
                CONFIG_PREFIX + "fhir-servers", fhirServer());
    }

    /** A valid token for one call of the service at {@code audience}. */
    public String token(String audience) {
        return token(claims(audience));
    }

    /** The claims {@link #token(String)} would sign, to change before calling {@link #token(JwtClaims)}. */
    public JwtClaims claims(String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(CLIENT_ID);
        claims.setAudience(audience);
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        NumericDate expiry = NumericDate.fromSeconds(now.getValue());
        expiry.addSeconds(5 * 60);
        claims.setExpirationTime(expiry);
        claims.setStringClaim("tenant", TENANT);
        return claims;
    }

    /** Signs any claims, as they are, with this EHR's key (ES384, with its kid). */
    public String token(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setHeader("typ", "JWT");
        jws.setKey(key.getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a test EHR token", e);
        }
    }

    /** The key pair, for tests that forge tokens (other algorithms, headers). */
    EllipticCurveJsonWebKey key() {
        return key;
    }
}
