package org.precisionrx.devtools;

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
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * A development EHR: it signs CDS Hooks JWTs (ES384) with its own key and publishes the public
 * key as a JWK Set file the gateway is configured to trust. For tests and the local run only: the
 * private key lies on disk in plain JSON.
 */
public final class DevEhr {

    static final String PRIVATE_KEY_FILE = "ehr-private-key.dev-only.json";
    static final String JWKS_FILE = "jwks.json";
    static final String DEFAULT_CLIENT_ID = "dev-ehr-client";
    static final String DEFAULT_TENANT = "dev-tenant";

    private final String issuer;
    private final String clientId;
    private final String tenant;
    private final EllipticCurveJsonWebKey key;
    private final Path jwksFile;

    private DevEhr(String issuer, String clientId, String tenant, EllipticCurveJsonWebKey key, Path jwksFile) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.tenant = tenant;
        this.key = key;
        this.jwksFile = jwksFile;
    }

    /** A new key, public part written to {@code dir/jwks.json}: for a test run. */
    public static DevEhr ephemeral(Path dir, String issuer) {
        return ephemeral(dir, issuer, DEFAULT_CLIENT_ID, DEFAULT_TENANT);
    }

    /** As {@link #ephemeral(Path, String)}, for an EHR whose tokens name another client ({@code sub}) and tenant. */
    public static DevEhr ephemeral(Path dir, String issuer, String clientId, String tenant) {
        EllipticCurveJsonWebKey key = newKey();
        return new DevEhr(issuer, clientId, tenant, key, writeJwks(dir, key));
    }

    /** The key kept in {@code dir} (made on first use), so tokens stay valid across runs of the local suite. */
    public static DevEhr loadOrCreate(Path dir, String issuer) {
        Path keyFile = dir.resolve(PRIVATE_KEY_FILE);
        try {
            EllipticCurveJsonWebKey key;
            if (Files.exists(keyFile)) {
                key = (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(keyFile, StandardCharsets.UTF_8));
            } else {
                key = newKey();
                writeAtomically(keyFile, key.toJson(OutputControlLevel.INCLUDE_PRIVATE));
            }
            return new DevEhr(issuer, DEFAULT_CLIENT_ID, DEFAULT_TENANT, key, writeJwks(dir, key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + keyFile, e);
        } catch (JoseException | ClassCastException e) {
            throw new IllegalStateException(keyFile + " is not an EC private key; delete it to make a new one", e);
        }
    }

    private static EllipticCurveJsonWebKey newKey() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P384);
            key.setKeyId("dev-ehr-" + UUID.randomUUID());
            key.setUse("sig");
            key.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot create an EC P-384 key", e);
        }
    }

    private static Path writeJwks(Path dir, EllipticCurveJsonWebKey key) {
        Path file = dir.resolve(JWKS_FILE).toAbsolutePath();
        writeAtomically(file, new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY));
        return file;
    }

    /** A reader (a gateway started meanwhile) never sees a half-written file. */
    private static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "dev-ehr", ".partial");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The FHIR server this EHR's patients are identified by. */
    public String fhirServer() {
        return issuer + "/fhir";
    }

    public String clientId() {
        return clientId;
    }

    public String tenant() {
        return tenant;
    }

    public String kid() {
        return key.getKeyId();
    }

    public Path jwksFile() {
        return jwksFile;
    }

    /** The key pair, for tests that forge tokens (other algorithms, other headers). */
    public EllipticCurveJsonWebKey key() {
        return key;
    }

    /** Gateway configuration trusting this EHR as issuer entry {@code name}. */
    public Map<String, String> config(String name) {
        String prefix = "precisionrx.cds.issuers." + name + ".";
        return Map.of(prefix + "issuer", issuer, prefix + "jwks-file", jwksFile.toString(), prefix + "fhir-servers", fhirServer());
    }

    /** A valid token for one call of the service at {@code audience}. */
    public String token(String audience) {
        return token(claims(audience));
    }

    /** The claims {@link #token(String)} would sign, to change before calling {@link #token(JwtClaims)}. */
    public JwtClaims claims(String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(clientId());
        claims.setAudience(audience);
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        NumericDate expiry = NumericDate.fromSeconds(now.getValue());
        expiry.addSeconds(5 * 60);
        claims.setExpirationTime(expiry);
        claims.setStringClaim("tenant", tenant());
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
            throw new IllegalStateException("cannot sign the EHR token", e);
        }
    }
}
