package org.precisionrx.e2e.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.precisionrx.testsupport.KeycloakLogin;

/**
 * Access tokens of the realm's demo users from real logins (authorization code + PKCE through
 * Keycloak's login form), and the EHR client's own client-credentials token.
 */
public final class Users {

    public static final String CLINICIAN = "dr.ada";
    public static final String PHARMACIST = "ph.cy";
    public static final String PATIENT = "pt.dee";
    public static final String ADMIN = "ad.fay";
    public static final String AUDITOR = "au.gus";

    static final String PASSWORD = "dev-password";
    static final String WEB_CLIENT = "precisionrx-web";
    /** One of the web client's allowed redirect URIs; never called, the code is read from the redirect. */
    static final String REDIRECT = "http://127.0.0.1:18104/callback";
    static final String EHR_CLIENT = "precisionrx-ehr";
    static final String EHR_CLIENT_SECRET = "dev-only-ehr-secret";
    /** Tokens live 300 s; log in again well before that. */
    private static final Duration REUSE_FOR = Duration.ofSeconds(200);

    private record Cached(String token, Instant at) {
    }

    private final String realmUrl;
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();

    Users(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** Logs in once per user at a time: concurrent load must not race logins of one user. */
    public synchronized String token(String username) {
        Cached cached = tokens.get(username);
        if (cached == null || cached.at().plus(REUSE_FOR).isBefore(Instant.now())) {
            cached = new Cached(KeycloakLogin.login(realmUrl, WEB_CLIENT, REDIRECT, username, PASSWORD).accessToken(),
                    Instant.now());
            tokens.put(username, cached);
        }
        return cached.token();
    }

    /** A new login, for claims that changed since the last one (a patient link). */
    public synchronized String freshToken(String username) {
        tokens.remove(username);
        return token(username);
    }

    /** The EHR system's token (client credentials; the client holds the admin role). */
    public String ehrClientToken() {
        return KeycloakLogin.clientCredentials(realmUrl, EHR_CLIENT, EHR_CLIENT_SECRET).accessToken();
    }
}
