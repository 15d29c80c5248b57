package org.precisionrx.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.precisionrx.testsupport.KeycloakLogin;
import org.precisionrx.testsupport.KeycloakServer;

/** Access tokens from real logins of the realm's test users through the web client (code + PKCE). */
public final class Users {

    public static final String CLINICIAN = "dr.ada";
    public static final String OTHER_CLINICIAN = "dr.bo";
    public static final String CLINICIAN_ADMIN = "dr.hal";
    public static final String PHARMACIST = "ph.cy";
    public static final String PATIENT = "pt.dee";
    public static final String OTHER_PATIENT = "pt.eve";
    public static final String ADMIN = "ad.fay";
    public static final String AUDITOR = "au.gus";

    static final String PASSWORD = "dev-password";
    static final String WEB_CLIENT = "precisionrx-web";
    static final String REDIRECT = "http://127.0.0.1:18104/callback";
    /** Tokens live 300 s; log in again well before that. */
    private static final Duration REUSE_FOR = Duration.ofSeconds(200);

    private record Cached(String token, Instant at) {
    }

    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Users() {
    }

    public static String token(String username) {
        Cached cached = TOKENS.get(username);
        if (cached == null || cached.at().plus(REUSE_FOR).isBefore(Instant.now())) {
            cached = new Cached(login(username), Instant.now());
            TOKENS.put(username, cached);
        }
        return cached.token();
    }

    /** A fresh login, e.g. after the user's patient link changed. */
    public static String freshToken(String username) {
        TOKENS.remove(username);
        return token(username);
    }

    private static String login(String username) {
        return KeycloakLogin.login(KeycloakServer.shared().realmUrl("precisionrx"), WEB_CLIENT, REDIRECT, username, PASSWORD)
                .accessToken();
    }
}
