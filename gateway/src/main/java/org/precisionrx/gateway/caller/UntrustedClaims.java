package org.precisionrx.gateway.caller;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a bearer token the gateway refused claims, read without verifying anything, only to say in
 * the audit trail who claimed to be whom and why the token was likely refused. Nothing here may
 * grant access. Values that are not short plain names are replaced, never copied.
 */
public record UntrustedClaims(String subject, String username, String issuer, String client, Long expiresAt,
        Long notBefore, boolean audienceHasGateway) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@:/-]{1,120}");
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    /** The claims of a compact JWT in an {@code Authorization: Bearer} header, if it has readable ones. */
    public static Optional<UntrustedClaims> fromAuthorization(String header, String audience) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        // -1 keeps an empty signature part: an unsigned token (alg "none") still shows its claims.
        String[] parts = header.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!claims.isObject()) {
                return Optional.empty();
            }
            JsonNode aud = claims.path("aud");
            boolean hasGateway = audience.equals(aud.asText());
            for (JsonNode one : aud) {
                hasGateway |= audience.equals(one.asText());
            }
            return Optional.of(new UntrustedClaims(plain(claims.path("sub")), plain(claims.path("preferred_username")),
                    plain(claims.path("iss")), plain(claims.path("azp")), time(claims.path("exp")), time(claims.path("nbf")),
                    hasGateway));
        } catch (Exception e) {
            // Not base64url or not JSON: an unreadable token, said as such by the caller.
            return Optional.empty();
        }
    }

    /**
     * The likeliest reason a refused token was refused, judged from its own claims; the signature
     * is the remaining reason when the claims look right.
     */
    public String likelyReason(Instant now, String expectedIssuer) {
        if (expiresAt != null && expiresAt <= now.getEpochSecond()) {
            return "expired";
        }
        if (notBefore != null && notBefore > now.getEpochSecond()) {
            return "not yet valid";
        }
        if (issuer == null || !issuer.equals(expectedIssuer)) {
            return "issuer not trusted";
        }
        if (!audienceHasGateway) {
            return "audience is not the gateway";
        }
        return "signature not valid";
    }

    /** "sub=…, user=…, iss=…, azp=…": for the audit record only, marked as claimed. */
    public String describe() {
        return "claimed sub=" + subject + ", user=" + username + ", iss=" + issuer + ", azp=" + client;
    }

    private static String plain(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "none";
        }
        return value.isTextual() && PLAIN.matcher(value.asText()).matches() ? value.asText() : "unreadable";
    }

    private static Long time(JsonNode value) {
        return value.canConvertToLong() && value.isNumber() ? value.asLong() : null;
    }
}
