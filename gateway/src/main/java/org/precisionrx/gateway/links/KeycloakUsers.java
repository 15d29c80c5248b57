package org.precisionrx.gateway.links;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The link between a patient user and their patient record: the {@code patient_id} attribute of
 * the user in Keycloak, read and written through Keycloak's admin REST API with the gateway
 * client's service account (client-credentials token, kept until shortly before it expires).
 *
 * <p>The realm declares {@code patient_id} as a user-profile attribute only admins may edit, so
 * this is the one way it is set. Keycloak's PUT of a user replaces the attributes wholesale, so
 * the user is read first and written back with only {@code patient_id} changed.
 */
@ApplicationScoped
public class KeycloakUsers {

    /** The user attribute, and token claim, holding a patient user's record id. */
    public static final String PATIENT_ID = "patient_id";

    private static final Pattern REALM_URL = Pattern.compile("(https?://.+?)/realms/([^/]+)/?");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** A token is renewed this long before it expires (at most half its lifetime). */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    /** A user of the realm; {@code patientId} is null while the user is not linked to a record. */
    public record KeycloakUser(String id, String username, String patientId) {
    }

    private record CachedToken(String value, Instant renewAt) {
    }

    private final URI tokenEndpoint;
    private final String usersUrl;
    private final String clientId;
    private final String secret;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private CachedToken token;

    /**
     * @param realmUrl the realm's issuer URL, {@code <keycloak>/realms/precisionrx}
     * @param clientId the confidential client whose service account may manage users
     * @param secret that client's secret
     */
    @Inject
    public KeycloakUsers(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") String secret) {
        Matcher realm = REALM_URL.matcher(realmUrl == null ? "" : realmUrl.trim());
        if (!realm.matches()) {
            throw new IllegalArgumentException("not a Keycloak realm URL (<base>/realms/<realm>): " + realmUrl);
        }
        String base = realm.group(1);
        String realmName = realm.group(2);
        this.tokenEndpoint = URI.create(base + "/realms/" + realmName + "/protocol/openid-connect/token");
        this.usersUrl = base + "/admin/realms/" + realmName + "/users";
        this.clientId = clientId;
        this.secret = secret;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The user with exactly this username, if there is one. */
    public Optional<KeycloakUser> find(String username) {
        requireUsername(username);
        JsonNode users = call("search user", HttpRequest.newBuilder(URI.create(usersUrl + "?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).GET(), 200);
        if (users == null || !users.isArray()) {
            throw new IdentityProviderUnavailableException("identity provider gave an unusable answer to a user search");
        }
        for (JsonNode user : users) {
            if (username.equalsIgnoreCase(user.path("username").asText())) {
                return Optional.of(toUser(user));
            }
        }
        return Optional.empty();
    }

    /**
     * Links a user to a patient record (sets {@code patient_id}; replaces an earlier link).
     *
     * @param patientId the record's UUID
     * @throws UnknownUserException if there is no such user
     */
    public void linkPatient(String username, String patientId) {
        if (patientId == null || !UUID.matcher(patientId).matches()) {
            throw new IllegalArgumentException("patient id must be a UUID");
        }
        String value = patientId.toLowerCase(Locale.ROOT);
        updatePatientId(username, value);
    }

    /**
     * Removes a user's link to a patient record; nothing happens if there is none.
     *
     * @throws UnknownUserException if there is no such user
     */
    public void unlinkPatient(String username) {
        updatePatientId(username, null);
    }

    private void updatePatientId(String username, String patientId) {
        String id = find(username).orElseThrow(() -> new UnknownUserException(username)).id();
        if (!USER_ID.matcher(id).matches()) {
            throw new IdentityProviderUnavailableException("identity provider gave an unusable user id");
        }
        URI user = URI.create(usersUrl + "/" + id);
        JsonNode current = call("read user", HttpRequest.newBuilder(user).GET(), 200);
        if (current == null) {
            throw new UnknownUserException(username);
        }
        if (!(current instanceof ObjectNode representation)) {
            throw new IdentityProviderUnavailableException("identity provider gave an unusable user representation");
        }
        JsonNode existing = representation.path("attributes");
        ObjectNode attributes = existing instanceof ObjectNode node ? node : representation.putObject("attributes");
        if (patientId == null) {
            if (!attributes.has(PATIENT_ID)) {
                return;
            }
            // An attributes map without the attribute removes it (an absent map would leave all as is).
            attributes.remove(PATIENT_ID);
        } else {
            ArrayNode values = attributes.putArray(PATIENT_ID);
            values.add(patientId);
        }
        // Read-only and computed parts of the representation are not sent back.
        representation.remove("access");
        representation.remove("userProfileMetadata");
        String body;
        try {
            body = json.writeValueAsString(representation);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write user representation", e);
        }
        JsonNode updated = call("update user", HttpRequest.newBuilder(user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), 204);
        if (updated == null) {
            throw new UnknownUserException(username);
        }
    }

    private static KeycloakUser toUser(JsonNode user) {
        JsonNode values = user.path("attributes").path(PATIENT_ID);
        String patientId = values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
        return new KeycloakUser(user.path("id").asText(), user.path("username").asText(), patientId);
    }

    private static void requireUsername(String username) {
        if (username == null || username.isBlank() || username.length() > 255) {
            throw new IllegalArgumentException("username must be 1 to 255 characters");
        }
    }

    /**
     * One admin API call with the service account's token. Answers the body (an empty object for a
     * body-less success), or null for 404. A 401 renews the token and tries once more.
     */
    private JsonNode call(String operation, HttpRequest.Builder request, int expected) {
        HttpResponse<String> response = send(operation, request.copy().header("Authorization", "Bearer " + accessToken()));
        if (response.statusCode() == 401) {
            invalidateToken();
            response = send(operation, request.copy().header("Authorization", "Bearer " + accessToken()));
        }
        int status = response.statusCode();
        if (status == 404) {
            return null;
        }
        if (status != expected) {
            throw new IdentityProviderUnavailableException("identity provider unavailable: " + operation + " answered " + status);
        }
        if (response.body() == null || response.body().isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IdentityProviderUnavailableException("identity provider gave unreadable JSON to " + operation);
        }
    }

    private synchronized String accessToken() {
        Instant now = Instant.now();
        if (token != null && now.isBefore(token.renewAt())) {
            return token.value();
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret == null ? "" : secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = send("get service-account token", HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            // 400/401: the gateway's client id or secret is wrong; 5xx: Keycloak is in trouble.
            throw new IdentityProviderUnavailableException("identity provider unavailable: service-account token request for client "
                    + clientId + " answered " + response.statusCode());
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new IdentityProviderUnavailableException("identity provider gave an unreadable token answer");
        }
        String value = body.path("access_token").asText(null);
        long expiresIn = body.path("expires_in").asLong(60);
        if (value == null || value.isBlank()) {
            throw new IdentityProviderUnavailableException("identity provider gave a token answer without a token");
        }
        Duration lifetime = Duration.ofSeconds(Math.max(0, expiresIn));
        Duration early = RENEW_BEFORE_EXPIRY.compareTo(lifetime.dividedBy(2)) < 0 ? RENEW_BEFORE_EXPIRY : lifetime.dividedBy(2);
        token = new CachedToken(value, now.plus(lifetime).minus(early));
        return value;
    }

    private synchronized void invalidateToken() {
        token = null;
    }

    private HttpResponse<String> send(String operation, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new IdentityProviderUnavailableException("identity provider unavailable: " + operation + " answered "
                        + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new IdentityProviderUnavailableException("identity provider unavailable: " + operation + " failed ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderUnavailableException("interrupted while calling the identity provider (" + operation + ")", e);
        }
    }
}
