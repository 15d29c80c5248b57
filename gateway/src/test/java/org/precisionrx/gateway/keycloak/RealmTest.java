package org.precisionrx.gateway.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.links.IdentityProviderUnavailableException;
import org.precisionrx.gateway.links.KeycloakUsers;
import org.precisionrx.gateway.links.KeycloakUsers.KeycloakUser;
import org.precisionrx.gateway.links.UnknownUserException;
import org.precisionrx.testsupport.KeycloakLogin;
import org.precisionrx.testsupport.KeycloakLogin.LoginFailedException;
import org.precisionrx.testsupport.KeycloakLogin.Tokens;
import org.precisionrx.testsupport.KeycloakServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The committed realm ({@code keycloak/precisionrx-realm.json}) on a real Keycloak: real logins
 * through the login form, the tokens the gateway will see, and the patient link kept in Keycloak.
 */
class RealmTest {

    private static final String REALM = "precisionrx";
    private static final String WEB = "precisionrx-web";
    private static final String GATEWAY = "precisionrx-gateway";
    private static final String EHR = "precisionrx-ehr";
    private static final String REDIRECT = "http://127.0.0.1:18104/callback";
    private static final String PASSWORD = "dev-password";
    private static final Set<String> SUITE_ROLES = Set.of("clinician", "pharmacist", "patient", "admin", "auditor");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Demo users: fixed id and realm roles. */
    private record DemoUser(String username, String id, Set<String> roles) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("dr.ada", "5b7c0e1a-0d1e-4a6f-9c01-000000000001", Set.of("clinician")),
            new DemoUser("dr.bo", "5b7c0e1a-0d1e-4a6f-9c01-000000000002", Set.of("clinician")),
            new DemoUser("dr.hal", "5b7c0e1a-0d1e-4a6f-9c01-000000000003", Set.of("clinician", "admin")),
            new DemoUser("ph.cy", "5b7c0e1a-0d1e-4a6f-9c01-000000000004", Set.of("pharmacist")),
            new DemoUser("pt.dee", "5b7c0e1a-0d1e-4a6f-9c01-000000000005", Set.of("patient")),
            new DemoUser("pt.eve", "5b7c0e1a-0d1e-4a6f-9c01-000000000006", Set.of("patient")),
            new DemoUser("ad.fay", "5b7c0e1a-0d1e-4a6f-9c01-000000000007", Set.of("admin")),
            new DemoUser("au.gus", "5b7c0e1a-0d1e-4a6f-9c01-000000000008", Set.of("auditor")));

    private static String realmUrl;
    private static KeycloakUsers users;

    @BeforeAll
    static void keycloak() {
        realmUrl = KeycloakServer.shared().realmUrl(REALM);
        users = new KeycloakUsers(realmUrl, GATEWAY, secret("PRX_GATEWAY_CLIENT_SECRET", "dev-only-gateway-secret"));
    }

    @Test
    void everyDemoUserLogsInThroughTheWebClientWithTheRightToken() {
        for (DemoUser user : USERS) {
            Tokens tokens = KeycloakLogin.login(realmUrl, WEB, REDIRECT, user.username(), PASSWORD);
            JsonNode access = payload(tokens.accessToken());

            assertThat(access.path("iss").asText()).as(user.username() + " iss").isEqualTo(realmUrl);
            assertThat(audience(access)).as(user.username() + " aud").contains(GATEWAY);
            assertThat(access.path("azp").asText()).isEqualTo(WEB);
            assertThat(access.path("sub").asText()).as(user.username() + " sub").isEqualTo(user.id());
            assertThat(access.path("preferred_username").asText()).isEqualTo(user.username());
            assertThat(suiteRoles(access)).as(user.username() + " roles").isEqualTo(user.roles());
            assertThat(access.path("exp").asLong() - access.path("iat").asLong()).as("access token lifetime").isBetween(295L, 300L);
            assertThat(tokens.expiresInSeconds()).isBetween(295L, 300L);
            if (!user.roles().contains("patient")) {
                // Patient users' links are set and changed by the gateway tests sharing this Keycloak.
                assertThat(access.has(KeycloakUsers.PATIENT_ID)).as(user.username() + " is not linked").isFalse();
            }

            assertThat(tokens.refreshToken()).isNotBlank();
            JsonNode id = payload(tokens.idToken());
            assertThat(id.path("iss").asText()).isEqualTo(realmUrl);
            assertThat(audience(id)).containsExactly(WEB);
            assertThat(id.path("email").asText()).isEqualTo(user.username() + "@precisionrx.example");
        }
    }

    @Test
    void theEhrClientGetsAnAdminTokenForTheGateway() {
        Tokens tokens = KeycloakLogin.clientCredentials(realmUrl, EHR, secret("PRX_EHR_CLIENT_SECRET", "dev-only-ehr-secret"));
        JsonNode access = payload(tokens.accessToken());

        assertThat(access.path("iss").asText()).isEqualTo(realmUrl);
        assertThat(audience(access)).contains(GATEWAY);
        assertThat(access.path("azp").asText()).isEqualTo(EHR);
        assertThat(suiteRoles(access)).containsExactly("admin");
        assertThat(access.path("exp").asLong() - access.path("iat").asLong()).isBetween(295L, 300L);
        assertThat(tokens.refreshToken()).isNull();
    }

    @Test
    void theGatewayServiceAccountMayManageUsersButHasNoSuiteRole() {
        Tokens tokens = KeycloakLogin.clientCredentials(realmUrl, GATEWAY, secret("PRX_GATEWAY_CLIENT_SECRET", "dev-only-gateway-secret"));
        JsonNode access = payload(tokens.accessToken());

        assertThat(strings(access.path("resource_access").path("realm-management").path("roles")))
                .contains("view-users", "query-users", "manage-users");
        assertThat(suiteRoles(access)).isEmpty();
    }

    @Test
    void wrongPasswordsAndWrongSecretsAreRefused() {
        assertThatThrownBy(() -> KeycloakLogin.login(realmUrl, WEB, REDIRECT, "au.gus", "not-the-password"))
                .isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("au.gus")
                .hasMessageContaining("Invalid username or password");
        assertThatThrownBy(() -> KeycloakLogin.clientCredentials(realmUrl, EHR, "wrong-secret"))
                .isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("401");
        // The web client is public and has no direct-access grants: only the login form works.
        assertThatThrownBy(() -> KeycloakLogin.clientCredentials(realmUrl, WEB, "anything"))
                .isInstanceOf(LoginFailedException.class);
    }

    @Test
    void aLinkedPatientSeesTheirPatientIdInAFreshLoginUntilUnlinked() {
        String patientId = UUID.randomUUID().toString();
        JsonNode before = adminView("pt.eve");
        String deeBefore = users.find("pt.dee").orElseThrow().patientId();
        try {
            users.linkPatient("pt.eve", patientId);

            assertThat(users.find("pt.eve")).contains(new KeycloakUser("5b7c0e1a-0d1e-4a6f-9c01-000000000006", "pt.eve", patientId));
            Tokens tokens = KeycloakLogin.login(realmUrl, WEB, REDIRECT, "pt.eve", PASSWORD);
            assertThat(payload(tokens.accessToken()).path(KeycloakUsers.PATIENT_ID).asText()).isEqualTo(patientId);
            assertThat(payload(tokens.idToken()).path(KeycloakUsers.PATIENT_ID).asText()).isEqualTo(patientId);
            assertThat(users.find("pt.dee").orElseThrow().patientId()).as("other patients untouched").isEqualTo(deeBefore);

            // The rest of the user survives the wholesale PUT.
            JsonNode linked = adminView("pt.eve");
            for (String field : List.of("username", "email", "firstName", "lastName", "emailVerified", "enabled")) {
                assertThat(linked.path(field)).as(field).isEqualTo(before.path(field));
            }
            assertThat(linked.path("requiredActions")).isEqualTo(before.path("requiredActions"));
        } finally {
            users.unlinkPatient("pt.eve");
        }

        assertThat(users.find("pt.eve").orElseThrow().patientId()).isNull();
        Tokens after = KeycloakLogin.login(realmUrl, WEB, REDIRECT, "pt.eve", PASSWORD);
        assertThat(payload(after.accessToken()).has(KeycloakUsers.PATIENT_ID)).isFalse();
        assertThat(payload(after.idToken()).has(KeycloakUsers.PATIENT_ID)).isFalse();
        // Unlinking twice is harmless; relinking replaces.
        users.unlinkPatient("pt.eve");
    }

    @Test
    void aPatientCannotChangeTheirOwnPatientIdThroughTheAccountApi() throws Exception {
        String patientId = UUID.randomUUID().toString();
        users.linkPatient("pt.eve", patientId);
        try {
            String token = KeycloakLogin.login(realmUrl, WEB, REDIRECT, "pt.eve", PASSWORD).accessToken();
            HttpResponse<String> own = account(token, "GET", null);
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
            ObjectNode profile = (ObjectNode) JSON.readTree(own.body());
            assertThat(strings(profile.path("attributes").path(KeycloakUsers.PATIENT_ID))).containsExactly(patientId);

            // The token is good for the account API: sending the profile back unchanged is accepted.
            HttpResponse<String> unchanged = account(token, "POST", profile.toString());
            assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(204);

            String other = UUID.randomUUID().toString();
            ((ObjectNode) profile.path("attributes")).putArray(KeycloakUsers.PATIENT_ID).add(other);
            HttpResponse<String> changed = account(token, "POST", profile.toString());
            assertThat(changed.statusCode()).as("changing patient_id as the user").isEqualTo(400);
            assertThat(JSON.readTree(changed.body()).path("field").asText()).isEqualTo(KeycloakUsers.PATIENT_ID);
            assertThat(changed.body()).contains("error-user-attribute-read-only");

            // Leaving the attribute out is accepted, but a read-only attribute is simply kept.
            ((ObjectNode) profile.path("attributes")).remove(KeycloakUsers.PATIENT_ID);
            HttpResponse<String> removed = account(token, "POST", profile.toString());
            assertThat(removed.statusCode()).as("dropping patient_id as the user: " + removed.body()).isEqualTo(204);

            JsonNode reread = JSON.readTree(account(token, "GET", null).body());
            assertThat(strings(reread.path("attributes").path(KeycloakUsers.PATIENT_ID))).containsExactly(patientId);
            assertThat(users.find("pt.eve").orElseThrow().patientId()).isEqualTo(patientId);
        } finally {
            users.unlinkPatient("pt.eve");
        }
    }

    @Test
    void anUnknownUserHasItsOwnException() {
        assertThat(users.find("no.such.user")).isEmpty();
        assertThatThrownBy(() -> users.linkPatient("no.such.user", UUID.randomUUID().toString()))
                .isInstanceOf(UnknownUserException.class)
                .hasMessageContaining("no.such.user");
        assertThatThrownBy(() -> users.unlinkPatient("no.such.user")).isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> users.linkPatient("pt.dee", "not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnusableIdentityProviderIsReportedAsUnavailable() {
        KeycloakUsers wrongSecret = new KeycloakUsers(realmUrl, GATEWAY, "wrong-secret");
        assertThatThrownBy(() -> wrongSecret.find("pt.dee"))
                .isInstanceOf(IdentityProviderUnavailableException.class)
                .hasMessageContaining("401");

        // Nothing listens on port 1: connection refused.
        KeycloakUsers unreachable = new KeycloakUsers("http://127.0.0.1:1/realms/precisionrx", GATEWAY, "x");
        assertThatThrownBy(() -> unreachable.linkPatient("pt.dee", UUID.randomUUID().toString()))
                .isInstanceOf(IdentityProviderUnavailableException.class);
    }

    private static HttpResponse<String> account(String token, String method, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/account"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The user as the admin API shows it, read with the gateway's service account. */
    private static JsonNode adminView(String username) {
        try {
            String token = KeycloakLogin.clientCredentials(realmUrl, GATEWAY, secret("PRX_GATEWAY_CLIENT_SECRET", "dev-only-gateway-secret"))
                    .accessToken();
            String id = users.find(username).orElseThrow().id();
            String admin = realmUrl.replace("/realms/", "/admin/realms/");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin + "/users/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode payload(String jwt) {
        try {
            return JSON.readTree(KeycloakLogin.payloadJson(jwt));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> audience(JsonNode token) {
        JsonNode aud = token.path("aud");
        return aud.isTextual() ? List.of(aud.asText()) : strings(aud);
    }

    private static Set<String> suiteRoles(JsonNode token) {
        Set<String> roles = new TreeSet<>(strings(token.path("realm_access").path("roles")));
        roles.retainAll(SUITE_ROLES);
        return roles;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The client secret the realm was imported with: the env override if set, else the dev value. */
    private static String secret(String env, String devValue) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? devValue : value;
    }
}
