package org.precisionrx.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.precisionrx.e2e.support.Reply;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.Users;
import org.precisionrx.testsupport.KeycloakLogin;

/**
 * Keycloak is killed (and stays down; this class runs last): tokens it issued before keep
 * working at the gateway, which checks them against the keys it already holds; a new login fails
 * with a message saying Keycloak cannot be reached; a token signed by a key the gateway never saw
 * (so it would have to ask Keycloak) is a clean 401 problem, not a 500 or a hang.
 */
@Chaos
@Order(4)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakDownTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningSystem system;
    private ClinicalProbes probes;
    private String pharmacistToken;

    KeycloakDownTest(ChaosSystem chaos) {
        this.system = chaos.system();
    }

    @BeforeAll
    void tokensIssuedThenKeycloakKilled() {
        probes = ClinicalProbes.forNewPatient(system, 7401, "chaos-keycloak-1");
        pharmacistToken = system.users().freshToken(Users.PHARMACIST);
        probes.profile().expect(200);
        system.killKeycloak();
    }

    @Test
    @Order(1)
    void aTokenIssuedBeforeStillWorks() {
        Reply reply = system.gateway().get("/api/v1/patients/" + probes.patientId() + "/profile").bearer(pharmacistToken).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aNewLoginFailsSayingKeycloakCannotBeReached() {
        // What `./precisionrx token` runs; it prints "failed: <this message> (<cause>)".
        assertThatThrownBy(() -> KeycloakLogin.login(system.keycloakRealmUrl(), "precisionrx-web",
                "http://127.0.0.1:18104/callback", Users.PHARMACIST, "dev-password"))
                .hasMessageContaining("cannot reach Keycloak at " + system.keycloakRealmUrl());
    }

    @Test
    @Order(3)
    void aTokenWithAnUnknownKeyIsACleanUnauthorized() throws GeneralSecurityException {
        long started = System.nanoTime();
        Reply reply = system.gateway().get("/api/v1/patients/" + probes.patientId() + "/profile")
                .bearer(tokenSignedByAStranger()).send();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("chaos: unknown-kid token with Keycloak down -> " + reply.status() + " in " + tookMillis + " ms");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(tookMillis).as("no hang while the key cannot be looked up").isLessThan(15_000);
    }

    @Test
    @Order(4)
    void theEhrsCdsHooksNeedNoKeycloak() {
        // EHR JWTs are checked against the EHR's own keys, never Keycloak's.
        assertThat(probes.patientView().status()).isEqualTo(200);
    }

    /** A well-formed access token for the realm, signed by a key Keycloak never had, under a kid the gateway never saw. */
    private String tokenSignedByAStranger() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", "chaos-unknown-key");
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode().put("iss", system.keycloakRealmUrl()).put("aud", "precisionrx-gateway")
                .put("sub", "chaos-stranger").put("preferred_username", Users.PHARMACIST).put("iat", now).put("exp", now + 300);
        claims.putObject("realm_access").putArray("roles").add("pharmacist");
        String signingInput = base64(header.toString()) + "." + base64(claims.toString());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
