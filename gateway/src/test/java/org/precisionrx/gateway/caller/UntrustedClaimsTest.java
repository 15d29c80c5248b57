package org.precisionrx.gateway.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class UntrustedClaimsTest {

    private static final String ISSUER = "http://kc/realms/precisionrx";
    private static final String GATEWAY = "precisionrx-gateway";
    private static final Instant NOW = Instant.ofEpochSecond(1_000_000);

    private static String bearer(String claimsJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    private static String reason(String claimsJson) {
        return UntrustedClaims.fromAuthorization(bearer(claimsJson), GATEWAY).orElseThrow().likelyReason(NOW, ISSUER);
    }

    @Test
    void theLikelyReasonComesFromTheFirstClaimThatIsWrong() {
        String ok = "\"iss\":\"" + ISSUER + "\",\"aud\":[\"account\",\"" + GATEWAY + "\"]";
        assertThat(reason("{" + ok + ",\"exp\":999999}")).isEqualTo("expired");
        assertThat(reason("{" + ok + ",\"exp\":1000100,\"nbf\":1000050}")).isEqualTo("not yet valid");
        assertThat(reason("{\"iss\":\"http://kc/realms/other\",\"aud\":\"" + GATEWAY + "\",\"exp\":1000100}"))
                .isEqualTo("issuer not trusted");
        assertThat(reason("{\"iss\":\"" + ISSUER + "\",\"aud\":\"account\",\"exp\":1000100}")).isEqualTo("audience is not the gateway");
        assertThat(reason("{" + ok + ",\"exp\":1000100}")).isEqualTo("signature not valid");
    }

    @Test
    void onlyPlainNamesAreKept() {
        UntrustedClaims claims = UntrustedClaims.fromAuthorization(
                bearer("{\"sub\":\"a b\",\"preferred_username\":\"dr.ada\",\"iss\":{\"x\":1},\"azp\":\"" + "y".repeat(200) + "\"}"),
                GATEWAY).orElseThrow();
        assertThat(claims.describe()).isEqualTo("claimed sub=unreadable, user=dr.ada, iss=unreadable, azp=unreadable");
    }

    @Test
    void whatIsNotAJwtHasNoClaims() {
        assertThat(UntrustedClaims.fromAuthorization("Basic dXNlcjpwYXNz", GATEWAY)).isEmpty();
        assertThat(UntrustedClaims.fromAuthorization("Bearer abc", GATEWAY)).isEmpty();
        assertThat(UntrustedClaims.fromAuthorization("Bearer a.!!!.c", GATEWAY)).isEmpty();
        assertThat(UntrustedClaims.fromAuthorization("Bearer a.WzFd.c", GATEWAY)).isEmpty();
        assertThat(UntrustedClaims.fromAuthorization(null, GATEWAY)).isEmpty();
    }
}
