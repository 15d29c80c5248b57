package org.precisionrx.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real logins against Keycloak for tests, the way a browser does them: the authorization-code
 * flow with PKCE S256 through Keycloak's HTML login form. No direct-access grants (the realm's
 * clients do not allow them).
 */
public final class KeycloakLogin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FEEDBACK = Pattern.compile(
            "class=\"[^\"]*(?:kc-feedback-text|pf-v5-c-alert__title|alert-error)[^\"]*\"[^>]*>\\s*([^<]*?)\\s*<", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("<title>\\s*([^<]*?)\\s*</title>", Pattern.CASE_INSENSITIVE);

    private KeycloakLogin() {
    }

    /** The token endpoint's answer. */
    public record Tokens(String accessToken, String refreshToken, String idToken, long expiresInSeconds) {
    }

    /** A login Keycloak did not complete: wrong credentials, a locked or unknown user, a bad client. */
    public static final class LoginFailedException extends RuntimeException {
        public LoginFailedException(String message) {
            super(message);
        }
    }

    /**
     * Logs a user in through the login form of a public client (authorization code, PKCE S256).
     *
     * @param realmUrl for example {@code http://127.0.0.1:18180/realms/precisionrx}
     * @param redirectUri one of the client's allowed redirect URIs; it is never called, the code is
     *        read from the redirect itself
     * @throws LoginFailedException if Keycloak does not issue a code (its message says why)
     */
    public static Tokens login(String realmUrl, String clientId, String redirectUri, String username, String password) {
        CookieJar cookies = new CookieJar();
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String verifier = random(32);
        String state = random(16);
        String auth = realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId,
                "redirect_uri", redirectUri,
                "response_type", "code",
                "scope", "openid",
                "state", state,
                "nonce", random(16),
                "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
        String who = "login of '" + username + "' to client " + clientId + " at " + realmUrl;

        HttpResponse<String> page = send(http, cookies, HttpRequest.newBuilder(URI.create(auth)).GET());
        if (page.statusCode() != 200) {
            throw new LoginFailedException(who + " failed: the authorization endpoint answered " + page.statusCode()
                    + " (" + message(page.body()) + ")");
        }
        String action = formAction(page.body());
        if (action == null) {
            throw new LoginFailedException(who + " failed: no login form on the page (" + message(page.body()) + ")");
        }
        HttpResponse<String> submitted = send(http, cookies, HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", username, "password", password, "credentialId", "")))));
        if (submitted.statusCode() == 200) {
            throw new LoginFailedException(who + " failed: " + message(submitted.body()));
        }
        String location = submitted.headers().firstValue("Location").orElse(null);
        if ((submitted.statusCode() != 302 && submitted.statusCode() != 303) || location == null) {
            throw new LoginFailedException(who + " failed: Keycloak answered " + submitted.statusCode()
                    + " (" + message(submitted.body()) + ")");
        }
        if (!location.startsWith(stripQuery(redirectUri))) {
            // Keycloak wants more than a password (a required action such as updating the profile).
            HttpResponse<String> next = send(http, cookies, HttpRequest.newBuilder(URI.create(location)).GET());
            throw new LoginFailedException(who + " did not finish: Keycloak asks for more (" + message(next.body())
                    + ") at " + stripQuery(location));
        }
        Map<String, String> answer = query(URI.create(location).getRawQuery());
        if (answer.containsKey("error")) {
            throw new LoginFailedException(who + " failed: " + answer.get("error") + " "
                    + answer.getOrDefault("error_description", ""));
        }
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new LoginFailedException(who + " failed: redirect without a code for our state: " + stripQuery(location));
        }
        return token(http, realmUrl, who, Map.of(
                "grant_type", "authorization_code",
                "code", answer.get("code"),
                "redirect_uri", redirectUri,
                "client_id", clientId,
                "code_verifier", verifier));
    }

    /** A confidential client's own token (client-credentials grant, client secret in the body). */
    public static Tokens clientCredentials(String realmUrl, String clientId, String secret) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return token(http, realmUrl, "client-credentials token of " + clientId + " at " + realmUrl, Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret));
    }

    /** The decoded JSON payload of a JWT (its middle part), unverified. */
    public static String payloadJson(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static Tokens token(HttpClient http, String realmUrl, String who, Map<String, String> parameters) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(who + ": cannot reach the token endpoint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(who + ": interrupted", e);
        }
        Map<String, Object> body = response.body().isBlank() ? Map.of() : json(response.body());
        if (response.statusCode() != 200 || !(body.get("access_token") instanceof String access)) {
            throw new LoginFailedException(who + " failed: token endpoint answered " + response.statusCode() + " "
                    + body.getOrDefault("error", "") + " " + body.getOrDefault("error_description", ""));
        }
        long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue() : 0;
        return new Tokens(access, (String) body.get("refresh_token"), (String) body.get("id_token"), expiresIn);
    }

    private static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new LoginFailedException("the token endpoint did not answer JSON");
        }
    }

    private static HttpResponse<String> send(HttpClient http, CookieJar cookies, HttpRequest.Builder request) {
        URI uri = request.copy().build().uri();
        String cookie = cookies.header();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            cookies.store(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + stripQuery(uri.toString()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Keycloak", e);
        }
    }

    private static String formAction(String html) {
        Matcher form = LOGIN_FORM.matcher(html);
        if (!form.find()) {
            return null;
        }
        Matcher action = ACTION.matcher(form.group());
        return action.find() ? unescape(action.group(1)) : null;
    }

    /** The message Keycloak shows on a page: the form's error text, else the page title. */
    private static String message(String html) {
        Matcher feedback = FEEDBACK.matcher(html);
        while (feedback.find()) {
            if (!feedback.group(1).isBlank()) {
                return unescape(feedback.group(1));
            }
        }
        Matcher title = TITLE.matcher(html);
        return title.find() ? "page '" + unescape(title.group(1)) + "'" : "no message";
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&#x2F;", "/").replace("&#61;", "=").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static String stripQuery(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cookies of one login. Keycloak marks its cookies {@code Secure} even on
     * {@code http://127.0.0.1} (browsers treat loopback as a secure context), which
     * {@link java.net.CookieManager} would then never send over http; all requests of a login go to
     * the one Keycloak, so a name-to-value jar is all that is needed.
     */
    private static final class CookieJar {
        private final Map<String, String> values = new LinkedHashMap<>();

        void store(List<String> setCookies) {
            for (String setCookie : setCookies) {
                String[] parts = setCookie.split(";");
                int eq = parts[0].indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = parts[0].substring(0, eq).trim();
                String value = parts[0].substring(eq + 1).trim();
                boolean expired = value.isEmpty();
                for (int i = 1; i < parts.length; i++) {
                    String attribute = parts[i].trim().toLowerCase();
                    if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")
                            || attribute.startsWith("expires=thu, 01-jan-1970")) {
                        expired = true;
                    }
                }
                if (expired) {
                    values.remove(name);
                } else {
                    values.put(name, value);
                }
            }
        }

        String header() {
            return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        }
    }
}
