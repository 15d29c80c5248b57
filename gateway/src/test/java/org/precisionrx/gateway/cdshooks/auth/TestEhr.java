package org.precisionrx.gateway.cdshooks.auth;

import java.nio.file.Path;
import java.util.Map;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.precisionrx.devtools.DevEhr;

/**
 * The pretend EHR of the gateway tests: one {@link DevEhr} per JVM, with a fresh ES384 key whose
 * public part is {@code target/test-ehr/jwks.json}.
 *
 * <p>Quarkus tests take {@link #config()} (for example from a {@code QuarkusTestResourceLifecycleManager})
 * and send {@code "Bearer " + TestEhr.get().token(serviceUrl)}.
 */
public final class TestEhr {

    private static final String ISSUER = "https://ehr.test.precisionrx.org";
    private static final String CONFIG_ENTRY = "test-ehr";

    private static TestEhr instance;

    private final DevEhr ehr;

    private TestEhr(DevEhr ehr) {
        this.ehr = ehr;
    }

    public static synchronized TestEhr get() {
        if (instance == null) {
            // The tests assert these names in the verified caller, so they are not DevEhr's defaults.
            instance = new TestEhr(DevEhr.ephemeral(Path.of("target", "test-ehr"), ISSUER, "test-ehr-client", "test-tenant"));
        }
        return instance;
    }

    public String issuer() {
        return ehr.issuer();
    }

    public String fhirServer() {
        return ehr.fhirServer();
    }

    public String clientId() {
        return ehr.clientId();
    }

    public String tenant() {
        return ehr.tenant();
    }

    public String kid() {
        return ehr.kid();
    }

    public Path jwksFile() {
        return ehr.jwksFile();
    }

    /** Quarkus configuration trusting this EHR, as issuer entry {@code test-ehr}. */
    public Map<String, String> config() {
        return ehr.config(CONFIG_ENTRY);
    }

    /** A valid token for one call of the service at {@code audience}. */
    public String token(String audience) {
        return ehr.token(audience);
    }

    /** The claims {@link #token(String)} would sign, to change before calling {@link #token(JwtClaims)}. */
    public JwtClaims claims(String audience) {
        return ehr.claims(audience);
    }

    /** Signs any claims, as they are, with this EHR's key (ES384, with its kid). */
    public String token(JwtClaims claims) {
        return ehr.token(claims);
    }

    /** The key pair, for tests that forge tokens (other algorithms, headers). */
    EllipticCurveJsonWebKey key() {
        return ehr.key();
    }
}
