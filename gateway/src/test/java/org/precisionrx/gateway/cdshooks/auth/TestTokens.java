package org.precisionrx.gateway.cdshooks.auth;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Token forging for the verifier tests: any algorithm, key and headers. */
final class TestTokens {

    private TestTokens() {
    }

    /** Signs claims with {@code alg} and {@code key}; {@code headers} (kid, jku, ...) are added as given. */
    static String sign(JwtClaims claims, String alg, Key key, Map<String, String> headers) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        // The point is to make tokens our verifier must refuse, so jose4j must not refuse to make them.
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        headers.forEach(jws::setHeader);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    /** An {@code alg: none} token: header and payload, empty signature. */
    static String unsigned(JwtClaims claims, String kid) {
        return base64Url("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + base64Url(claims.toJson()) + ".";
    }

    /** The token with its payload replaced by {@code claims}, keeping the original header and signature. */
    static String withPayload(String token, JwtClaims claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + base64Url(claims.toJson()) + "." + parts[2];
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
