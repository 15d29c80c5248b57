package org.precisionrx.gateway.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.gateway.hostile.Rejections.assertProblem;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.support.AuditLog;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;
import org.precisionrx.testsupport.KeycloakLogin;
import org.precisionrx.testsupport.KeycloakServer;

/**
 * Tokens an attacker can get or make, against the gateway: each is refused with a 401 problem and
 * leaves an audit record saying who the token claimed to be and why it was likely refused.
 *
 * <p>To test expiry, not-before, issuer and audience on their own, the realm publishes a key this
 * test holds (added through the admin API, below the realm's own key): a token signed with it and
 * right in every claim is accepted, so a refusal of the same token with one claim changed is due
 * to that claim alone. Tampered tokens (another patient_id, added roles) keep Keycloak's header
 * and signature, as a tamperer without the key must.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class TokenRejectionTest {

    static final String OTHER_REALM = "prx-hostile-other";

    private static KeycloakAdmin admin;
    private static KeycloakAdmin.KeyHandle testKey;
    private static KeyPair keys;

    /**
     * Once per class, from the first test (RestAssured knows the gateway's port only then): the
     * realm publishes the test key, and a token right in every claim signed with it is accepted.
     */
    @BeforeEach
    void publishATestKey() throws NoSuchAlgorithmException {
        if (testKey != null) {
            return;
        }
        Fixtures.patients();
        admin = KeycloakAdmin.login();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        testKey = admin.addSigningKey("precisionrx", keys);
        assertThat(call(signedClinician(claims -> {
        }), profilePath(Fixtures.patients().assigned()), requestId()).statusCode())
                .as("the control: a token signed with a published key and right in every claim").isEqualTo(200);
    }

    @AfterAll
    static void removeTheTestKeyAndRealm() {
        if (testKey != null) {
            admin.removeKey(testKey);
        }
        if (admin != null) {
            admin.deleteRealm(OTHER_REALM);
        }
    }

    @Test
    void noTokenIsRefusedAndAudited() {
        String id = requestId();
        refused(given().header("X-Request-Id", id).get(profilePath(Fixtures.patients().assigned())));
        assertAudited(id, profilePath(Fixtures.patients().assigned()), "no bearer token");
    }

    @Test
    void aForgedSignatureIsRefused() {
        String token = Users.token(Users.CLINICIAN);
        int cut = token.lastIndexOf('.') + 10;
        String forged = token.substring(0, cut) + (token.charAt(cut) == 'A' ? 'B' : 'A') + token.substring(cut + 1);
        assertRefusedAndAudited(forged, profilePath(Fixtures.patients().assigned()), "signature not valid");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = Users.token(Users.CLINICIAN);
        String none = Jwts.unsigned(Jwts.claims(token), Jwts.header(token).path("kid").asText());
        assertRefusedAndAudited(none, profilePath(Fixtures.patients().assigned()), "signature not valid");
    }

    @Test
    void anExpiredTokenIsRefused() {
        long now = Instant.now().getEpochSecond();
        String expired = signedClinician(c -> c.put("iat", now - 420).put("exp", now - 120));
        assertRefusedAndAudited(expired, profilePath(Fixtures.patients().assigned()), "expired");
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        long now = Instant.now().getEpochSecond();
        String early = signedClinician(c -> c.put("nbf", now + 600).put("exp", now + 900));
        assertRefusedAndAudited(early, profilePath(Fixtures.patients().assigned()), "not yet valid");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String foreign = signedClinician(c -> c.put("iss", KeycloakServer.shared().realmUrl("elsewhere")));
        assertRefusedAndAudited(foreign, profilePath(Fixtures.patients().assigned()), "issuer not trusted");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String misdirected = signedClinician(c -> c.put("aud", "account"));
        assertRefusedAndAudited(misdirected, profilePath(Fixtures.patients().assigned()), "audience is not the gateway");
    }

    @Test
    void aRealTokenFromAnotherRealmIsRefusedWhateverItClaims() {
        admin.createRealm(OtherRealm.representation(OTHER_REALM));
        String foreign = KeycloakLogin.clientCredentials(KeycloakServer.shared().realmUrl(OTHER_REALM), OtherRealm.CLIENT,
                OtherRealm.SECRET).accessToken();
        ObjectNode claims = Jwts.claims(foreign);
        // It looks like an admin token for the gateway in every way but its issuer and key.
        assertThat(claims.path("aud").toString()).contains("precisionrx-gateway");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("admin");
        String path = "/api/v1/care-teams/" + Fixtures.patients().assigned() + "/members";
        assertRefusedAndAudited(foreign, path, "issuer not trusted");
    }

    @Test
    void aPatientIdClaimForSomeoneElseIsRefused() {
        String own = Users.token(Users.PATIENT);
        String other = Fixtures.patients().other();
        String path = profilePath(other);
        assertThat(call(own, path, requestId()).statusCode()).as("the real token on another's record").isEqualTo(403);
        String tampered = Jwts.tampered(own, c -> c.put("patient_id", other));
        assertRefusedAndAudited(tampered, path, "signature not valid");
    }

    @Test
    void rolesAddedToATokenAreRefused() {
        String clinician = Users.token(Users.CLINICIAN);
        assertThat(call(clinician, "/api/v1/audit", requestId()).statusCode()).as("the real token").isEqualTo(403);
        String escalated = Jwts.tampered(clinician, c -> c.putObject("realm_access").putArray("roles")
                .add("clinician").add("admin").add("auditor"));
        assertRefusedAndAudited(escalated, "/api/v1/audit", "signature not valid");
        String resigned = signedClinician(c -> c.putObject("realm_access").putArray("roles").add("auditor"));
        assertThat(call(resigned, "/api/v1/audit", requestId()).statusCode())
                .as("only a key the realm publishes makes claims count").isEqualTo(200);
    }

    @Test
    void claimsThatAreNotPlainNamesAreNotCopiedIntoTheAuditTrail() {
        String token = Jwts.tampered(Users.token(Users.CLINICIAN),
                c -> c.put("preferred_username", "<script>alert(1)</script>").put("sub", "x\u0000y"));
        String id = requestId();
        refused(given().auth().oauth2(token).header("X-Request-Id", id).get(profilePath(Fixtures.patients().assigned())));
        assertThat(AuditLog.detailsForRequest(id)).singleElement().asString()
                .contains("claimed sub=unreadable, user=unreadable").doesNotContain("script");
    }

    // --- helpers ---

    private static void assertRefusedAndAudited(String token, String path, String reason) {
        String id = requestId();
        refused(call(token, path, id));
        assertAudited(id, path, reason);
    }

    private static void assertAudited(String requestId, String path, String reason) {
        List<AuditLog.Row> rows = AuditLog.forRequest(requestId);
        assertThat(rows).as("audit records of request %s", requestId).singleElement().satisfies(row -> {
            assertThat(row.subject()).isEqualTo("unauthenticated");
            assertThat(row.role()).isEqualTo("no-role");
            assertThat(row.outcome()).isEqualTo("DENIED");
            assertThat(row.action()).isEqualTo("http:" + path);
            assertThat(row.patientId()).isNull();
        });
        assertThat(AuditLog.detailsForRequest(requestId)).singleElement().asString().contains("(" + reason + ")");
    }

    private static void refused(Response response) {
        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private static Response call(String token, String path, String requestId) {
        return given().auth().oauth2(token).header("X-Request-Id", requestId).get(path);
    }

    /** dr.ada's real claims, edited, signed with the test key the realm publishes. */
    private static String signedClinician(Consumer<ObjectNode> edit) {
        ObjectNode claims = Jwts.claims(Users.token(Users.CLINICIAN));
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now).put("exp", now + 120).put("jti", UUID.randomUUID().toString());
        edit.accept(claims);
        return Jwts.signed(claims, testKey.kid(), keys.getPrivate());
    }

    private static String profilePath(String patientId) {
        return "/api/v1/patients/" + patientId + "/profile";
    }

    private static String requestId() {
        return "hostile-" + UUID.randomUUID();
    }

    /** A second realm on the same Keycloak whose client looks like the suite's EHR. */
    static final class OtherRealm {

        static final String CLIENT = "precisionrx-ehr";
        static final String SECRET = "dev-only-other-realm-secret";

        static Map<String, Object> representation(String realm) {
            return Map.of("realm", realm, "enabled", true,
                    "roles", Map.of("realm", List.of(Map.of("name", "admin"), Map.of("name", "auditor"))),
                    "clients", List.of(Map.of("clientId", CLIENT, "enabled", true, "publicClient", false,
                            "secret", SECRET, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                            "directAccessGrantsEnabled", false,
                            "protocolMappers", List.of(Map.of("name", "gateway-audience", "protocol", "openid-connect",
                                    "protocolMapper", "oidc-audience-mapper",
                                    "config", Map.of("included.client.audience", "",
                                            "included.custom.audience", "precisionrx-gateway",
                                            "access.token.claim", "true", "id.token.claim", "false"))))),
                    "users", List.of(Map.of("username", "service-account-" + CLIENT, "enabled", true,
                            "serviceAccountClientId", CLIENT, "realmRoles", List.of("admin", "auditor"))));
        }
    }
}
