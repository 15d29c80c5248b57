package org.precisionrx.gateway.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.precisionrx.testsupport.KeycloakServer;

/**
 * The suite Keycloak's admin REST API, as its bootstrap administrator: adds a signing key the
 * tests hold, and creates a second realm. Test-only; the server lives for one test run.
 */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    private KeycloakAdmin(String base, String token) {
        this.base = base;
        this.token = token;
    }

    static KeycloakAdmin login() {
        KeycloakServer server = KeycloakServer.shared();
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(KeycloakServer.ADMIN_USERNAME)
                + "&password=" + enc(KeycloakServer.ADMIN_PASSWORD);
        JsonNode answer = read(send(HttpRequest.newBuilder(URI.create(server.realmUrl("master") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), 200));
        return new KeycloakAdmin(server.baseUrl() + "/admin/realms", answer.path("access_token").asText());
    }

    /**
     * Adds an RSA key the test holds to {@code realm}, below the realm's own key in priority: the
     * realm keeps signing with its own key, and publishes ours in its JWKS. Answers its kid.
     */
    KeyHandle addSigningKey(String realm, KeyPair keys) {
        String realmId = read(send(request("/" + realm).GET(), 200)).path("id").asText();
        Map<String, Object> component = Map.of("name", "hostile-test-key", "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of("-100"), "enabled", List.of("true"), "active", List.of("true"),
                        "algorithm", List.of("RS256"),
                        "privateKey", List.of(Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()))));
        HttpResponse<String> created = send(request("/" + realm + "/components").POST(json(component)), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        for (JsonNode key : read(send(request("/" + realm + "/keys").GET(), 200)).path("keys")) {
            if (componentId.equals(key.path("providerId").asText())) {
                return new KeyHandle(realm, componentId, key.path("kid").asText());
            }
        }
        throw new IllegalStateException("Keycloak does not list the added key");
    }

    void removeKey(KeyHandle key) {
        send(request("/" + key.realm() + "/components/" + key.componentId()).DELETE(), 204);
    }

    /** Creates a realm from its representation (replacing one of the same name). */
    void createRealm(Map<String, Object> representation) {
        deleteRealm((String) representation.get("realm"));
        send(request("").POST(json(representation)), 201);
    }

    void deleteRealm(String realm) {
        HttpResponse<String> answer = send(request("/" + realm).DELETE(), -1);
        if (answer.statusCode() != 204 && answer.statusCode() != 404) {
            throw new IllegalStateException("deleting realm " + realm + ": " + answer.statusCode());
        }
    }

    record KeyHandle(String realm, String componentId, String kid) {
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && answer.statusCode() != expected) {
                throw new IllegalStateException("Keycloak admin API answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
