package org.precisionrx.gateway.cdshooks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Properties of {@link CdsJwtVerifier}, with keys from a local JWK Set file and no network:
 * <ul>
 * <li>anything not signed by a trusted key (any Authorization header; any header, payload and signature
 * bytes put together as a compact JWS) is refused with a {@link CdsAuthException}, never another exception
 * and never accepted;</li>
 * <li>any payload bytes, really signed by the test EHR's key, give a {@link CdsAuthException} or a caller,
 * and a caller only when the claims are valid: the trusted issuer, this service as audience, a subject and
 * a jti, {@code exp} not passed, {@code iat} not in the future and a lifetime within the limit (each with
 * the clock skew); the replay guard is asked only then.</li>
 * </ul>
 * The replay guard is an in-memory double here (the real one needs PostgreSQL); its answer comes from the
 * input, so every input gives the same verdict on every run. The clock is fixed at {@link #NOW}.
 *
 * <p>Inputs are UTF-8 text. {@code refusesWhatIsNotSigned}: either one line, the whole Authorization header,
 * or three lines: JOSE header JSON, payload JSON, signature bytes ({@code %KID%} stands for the test EHR's
 * key id). {@code acceptsOnlyValidSignedClaims}: the first byte is the replay guard's answer (odd = first
 * use), the rest the payload JSON.
 */
class CdsJwtFuzzTest {

    static final String SERVICE_URL = "https://gateway.test.precisionrx.org/cds-services/prx-dose-check";
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /** The configuration defaults (precisionrx.cds.clock-skew, max-token-lifetime). */
    private static final long SKEW_SECONDS = 60;
    private static final long MAX_LIFETIME_SECONDS = 300;

    private static final TestEhr EHR = TestEhr.get();
    private static final ReplayGuardDouble GUARD = new ReplayGuardDouble();
    private static final CdsJwtVerifier VERIFIER = new CdsJwtVerifier(TestCdsConfig.from(EHR.config()), GUARD,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @FuzzTest(maxDuration = "3m")
    void refusesWhatIsNotSigned(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8).replace("%KID%", EHR.kid());
        String[] lines = text.split("\n", 3);
        String authorization = lines.length < 3 ? text
                : "Bearer " + base64Url(lines[0].getBytes(StandardCharsets.UTF_8)) + "."
                        + base64Url(lines[1].getBytes(StandardCharsets.UTF_8)) + "."
                        + base64Url(lines[2].getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> VERIFIER.verify(authorization, SERVICE_URL)).isInstanceOf(CdsAuthException.class);
    }

    @FuzzTest(maxDuration = "3m")
    void acceptsOnlyValidSignedClaims(byte[] input) throws JoseException {
        boolean firstUse = input.length == 0 || (input[0] & 1) == 1;
        String payload = input.length == 0 ? "" : new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        String token = sign(payload);
        GUARD.answer(firstUse);

        EhrCaller caller;
        try {
            caller = VERIFIER.verify("Bearer " + token, SERVICE_URL);
        } catch (CdsAuthException refused) {
            assertThat(refused.reason()).isNotBlank();
            if (refused.reason().equals("replayed_jti")) {
                assertThat(firstUse).isFalse();
                assertValid(payload, null);
            }
            return;
        }
        assertThat(firstUse).as("accepted although the guard saw the jti before").isTrue();
        assertValid(payload, caller);
    }

    /** The claims as an independent reading says they must be for the token to be accepted. */
    private static void assertValid(String payload, EhrCaller caller) {
        JwtClaims claims;
        try {
            claims = JwtClaims.parse(payload);
        } catch (InvalidJwtException e) {
            throw new AssertionError("accepted a payload that is not a JSON claims object", e);
        }
        try {
            long now = NOW.getEpochSecond();
            assertThat(claims.getIssuer()).isEqualTo(EHR.issuer());
            assertThat(claims.getAudience()).contains(SERVICE_URL);
            assertThat(claims.getSubject()).isNotNull();
            assertThat(claims.getJwtId()).isNotNull();
            NumericDate exp = claims.getExpirationTime();
            NumericDate iat = claims.getIssuedAt();
            assertThat(exp.getValue()).as("exp").isGreaterThan(now - SKEW_SECONDS);
            assertThat(iat.getValue()).as("iat").isLessThanOrEqualTo(now + SKEW_SECONDS);
            assertThat(exp.getValue() - iat.getValue()).as("lifetime").isLessThanOrEqualTo(MAX_LIFETIME_SECONDS + SKEW_SECONDS);
            if (claims.getNotBefore() != null) {
                assertThat(claims.getNotBefore().getValue()).as("nbf").isLessThanOrEqualTo(now + SKEW_SECONDS);
            }
            if (caller != null) {
                assertThat(caller.issuer()).isEqualTo(claims.getIssuer());
                assertThat(caller.clientId()).isEqualTo(claims.getSubject());
                assertThat(caller.jti()).isEqualTo(claims.getJwtId());
                assertThat(caller.tenant()).isEqualTo(claims.getStringClaimValue("tenant"));
                assertThat(caller.fhirServers()).containsExactly(EHR.fhirServer());
            }
        } catch (MalformedClaimException e) {
            throw new AssertionError("accepted a token with a malformed claim", e);
        }
    }

    /** Signs the payload bytes exactly as given with the test EHR's key (ES384, its kid). */
    private static String sign(String payload) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        jws.setKeyIdHeaderValue(EHR.kid());
        jws.setKey(EHR.key().getPrivateKey());
        return jws.getCompactSerialization();
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Stands in for the PostgreSQL-backed guard: answers what the input says, and fails if asked too early. */
    private static final class ReplayGuardDouble extends JtiReplayGuard {

        private volatile boolean answer = true;

        ReplayGuardDouble() {
            super(null);
        }

        void answer(boolean firstUse) {
            answer = firstUse;
        }

        @Override
        public boolean firstUse(String issuer, String jti, Instant rememberUntil) {
            assertThat(issuer).isEqualTo(EHR.issuer());
            assertThat(jti).isNotNull();
            assertThat(rememberUntil).isAfter(NOW);
            return answer;
        }
    }
}
