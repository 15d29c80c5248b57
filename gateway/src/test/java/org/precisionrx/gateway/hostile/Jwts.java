package org.precisionrx.gateway.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Takes real access tokens apart and puts them together again, signed or not, for hostile tests. */
final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    static ObjectNode claims(String jwt) {
        return (ObjectNode) read(jwt.split("\\.")[1]);
    }

    static ObjectNode header(String jwt) {
        return (ObjectNode) read(jwt.split("\\.")[0]);
    }

    /** The token with edited claims and its original header and signature: what a tamperer can make. */
    static String tampered(String jwt, Consumer<ObjectNode> edit) {
        String[] parts = jwt.split("\\.");
        ObjectNode claims = claims(jwt);
        edit.accept(claims);
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    /** The claims signed RS256 with {@code key} under {@code kid}. */
    static String signed(ObjectNode claims, String kid, PrivateKey key) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid);
        String input = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims with {@code "alg":"none"} and no signature. */
    static String unsigned(ObjectNode claims, String kid) {
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT").put("kid", kid);
        return encode(header) + "." + encode(claims) + ".";
    }

    private static String encode(ObjectNode node) {
        return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
