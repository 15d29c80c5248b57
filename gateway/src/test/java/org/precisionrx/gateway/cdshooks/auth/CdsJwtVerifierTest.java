package org.precisionrx.gateway.cdshooks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.precisionrx.gateway.cdshooks.auth.TestTokens.bearer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token checks against keys from local JWK Set files: the test EHR (ES384) and an RSA EHR (RS384). */
class CdsJwtVerifierTest {

    private static final String SERVICE_URL = "https://gateway.test.precisionrx.org/cds-services/prx-dose-check";
    private static final String RSA_ISSUER = "https://rsa-ehr.example.org";

    private static final TestEhr EHR = TestEhr.get();
    private static RsaJsonWebKey rsaKey;
    private static CdsJwtVerifier verifier;

    @BeforeAll
    static void trustBothEhrs(@TempDir Path dir) throws Exception {
        rsaKey = RsaJwkGenerator.generateJwk(2048);
        rsaKey.setKeyId("rsa-1");
        Path rsaJwks = dir.resolve("rsa-jwks.json");
        Files.writeString(rsaJwks, new JsonWebKeySet(rsaKey).toJson(OutputControlLevel.PUBLIC_ONLY));

        Map<String, String> properties = new HashMap<>(EHR.config());
        properties.put("precisionrx.cds.issuers.rsa-ehr.issuer", RSA_ISSUER);
        properties.put("precisionrx.cds.issuers.rsa-ehr.jwks-file", rsaJwks.toString());
        properties.put("precisionrx.cds.issuers.rsa-ehr.fhir-servers",
                "https://rsa-ehr.example.org/fhir,https://rsa-ehr.example.org/fhir-archive");
        DataSource jtiStore = JtiTestDatabase.create("verifier");
        verifier = new CdsJwtVerifier(TestCdsConfig.from(properties), new JtiReplayGuard(jtiStore), Clock.systemUTC());
    }

    @Test
    void acceptsTheTestEhrsEs384TokenAndSaysWhoCalls() {
        JwtClaims claims = EHR.claims(SERVICE_URL);

        EhrCaller caller = verifier.verify(bearer(EHR.token(claims)), SERVICE_URL);

        assertThat(caller).isEqualTo(new EhrCaller(EHR.issuer(), "test-ehr-client", "test-tenant",
                jti(claims), List.of(EHR.fhirServer())));
    }

    @Test
    void acceptsAnRs384TokenWithoutTenant() {
        JwtClaims claims = claims(RSA_ISSUER);

        EhrCaller caller = verifier.verify(bearer(signRsa(claims, AlgorithmIdentifiers.RSA_USING_SHA384)), SERVICE_URL);

        assertThat(caller).isEqualTo(new EhrCaller(RSA_ISSUER, "rsa-client", null, jti(claims),
                List.of("https://rsa-ehr.example.org/fhir", "https://rsa-ehr.example.org/fhir-archive")));
    }

    @Test
    void acceptsTheBearerSchemeInAnyCase() {
        assertThat(verifier.verify("bearer " + EHR.token(SERVICE_URL), SERVICE_URL).issuer()).isEqualTo(EHR.issuer());
    }

    @Test
    void refusesAnExpiredToken() {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        claims.setIssuedAt(secondsFromNow(-240));
        claims.setExpirationTime(secondsFromNow(-120)); // beyond the 60 s skew

        assertRefused(EHR.token(claims), "expired");
    }

    @Test
    void toleratesExpiryWithinTheClockSkew() {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        claims.setIssuedAt(secondsFromNow(-200));
        claims.setExpirationTime(secondsFromNow(-30));

        assertThat(verifier.verify(bearer(EHR.token(claims)), SERVICE_URL).jti()).isEqualTo(jti(claims));
    }

    @Test
    void refusesATokenForAnotherService() {
        assertRefused(EHR.token("https://gateway.test.precisionrx.org/cds-services/other"), "wrong_audience");
    }

    @Test
    void refusesAnUnknownIssuerEvenWithAKnownKey() {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        claims.setIssuer("https://ehr.evil.example");

        assertRefused(EHR.token(claims), "unknown_issuer");
    }

    @Test
    void refusesAnUnsignedToken() {
        assertRefused(TestTokens.unsigned(EHR.claims(SERVICE_URL), EHR.kid()), "bad_algorithm");
    }

    @Test
    void refusesHs384MadeWithTheIssuersPublicKeyAsSecret() throws Exception {
        HmacKey publicKeyAsSecret = new HmacKey(EHR.key().getPublicKey().getEncoded());
        String forged = TestTokens.sign(EHR.claims(SERVICE_URL), AlgorithmIdentifiers.HMAC_SHA384, publicKeyAsSecret,
                Map.of("kid", EHR.kid()));
        // The forgery is sound: a verifier that let the token pick the algorithm would accept it.
        new JwtConsumerBuilder().setJwsAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS)
                .setVerificationKey(publicKeyAsSecret).setSkipAllValidators().build().process(forged);

        assertRefused(forged, "bad_algorithm");
    }

    @Test
    void refusesRs256EvenWithTheIssuersOwnKey() {
        assertRefused(signRsa(claims(RSA_ISSUER), AlgorithmIdentifiers.RSA_USING_SHA256), "bad_algorithm");
    }

    @Test
    void refusesAnUnknownKeyId() {
        String token = TestTokens.sign(EHR.claims(SERVICE_URL), AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                EHR.key().getPrivateKey(), Map.of("kid", "not-published"));

        assertRefused(token, "unknown_kid");
    }

    @Test
    void refusesATokenWithoutKeyId() {
        String token = TestTokens.sign(EHR.claims(SERVICE_URL), AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                EHR.key().getPrivateKey(), Map.of());

        assertRefused(token, "missing_header:kid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kid", "jku"})
    void refusesAKidOrJkuHeaderThatIsNotAString(String header) throws JoseException {
        // jose4j's header getters cast to String: "kid": 84 was a ClassCastException, not a refusal (CdsJwtFuzzTest).
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(EHR.claims(SERVICE_URL).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        jws.setKeyIdHeaderValue(EHR.kid());
        jws.getHeaders().setObjectHeaderValue(header, 84);
        jws.setKey(EHR.key().getPrivateKey());

        assertRefused(jws.getCompactSerialization(), "malformed");
    }

    @Test
    void refusesAKeyOfTheWrongTypeForTheAlgorithm() {
        // The RSA EHR's kid, but an ES384 header: the RSA key must not be tried as an EC key.
        String token = TestTokens.sign(claims(RSA_ISSUER), AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                EHR.key().getPrivateKey(), Map.of("kid", "rsa-1"));

        assertRefused(token, "unknown_kid");
    }

    @Test
    void refusesTheSameTokenTwice() {
        String token = EHR.token(SERVICE_URL);
        verifier.verify(bearer(token), SERVICE_URL);

        assertRefused(token, "replayed_jti");
    }

    @Test
    void refusesATamperedPayload() {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        String token = EHR.token(claims);
        claims.setStringClaim("tenant", "another-tenant");

        assertRefused(TestTokens.withPayload(token, claims), "bad_signature");
    }

    @Test
    void refusesAnEs384SignatureMadeForAnotherToken() {
        String token = EHR.token(SERVICE_URL);
        String other = EHR.token(SERVICE_URL);
        String swapped = token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));

        assertRefused(swapped, "bad_signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "iat", "jti", "sub", "aud"})
    void refusesATokenMissingARequiredClaim(String claim) {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        claims.unsetClaim(claim);

        assertRefused(EHR.token(claims), "missing_claim:" + claim);
    }

    @Test
    void refusesATokenWithoutIssuer() {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        claims.unsetClaim("iss");

        assertRefused(EHR.token(claims), "missing_claim:iss");
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        claims.setIssuedAt(secondsFromNow(120));
        claims.setExpirationTime(secondsFromNow(300));

        assertRefused(EHR.token(claims), "iat_in_future");
    }

    @Test
    void refusesATokenValidForTooLong() {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        claims.setExpirationTime(secondsFromNow(7 * 60)); // more than 5 min plus 60 s skew after iat

        assertRefused(EHR.token(claims), "lifetime_too_long");
    }

    @Test
    void refusesANonStringTenant() {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        claims.setClaim("tenant", 42);

        assertRefused(EHR.token(claims), "malformed");
    }

    @Test
    void refusesMissingOrForeignAuthorization() {
        assertThatThrownBy(() -> verifier.verify(null, SERVICE_URL))
                .isInstanceOfSatisfying(CdsAuthException.class, e -> assertThat(e.reason()).isEqualTo("missing_token"));
        assertThatThrownBy(() -> verifier.verify("Basic dXNlcjpwYXNz", SERVICE_URL))
                .isInstanceOfSatisfying(CdsAuthException.class, e -> assertThat(e.reason()).isEqualTo("missing_token"));
        assertRefused("not.a-jwt", "malformed");
    }

    @Test
    void neverQuotesTheTokenWhenRefusing() {
        JwtClaims claims = EHR.claims("https://elsewhere.example/cds-services/x");
        String token = EHR.token(claims);

        assertThatThrownBy(() -> verifier.verify(bearer(token), SERVICE_URL))
                .isInstanceOfSatisfying(CdsAuthException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain(token.split("\\.")[1]).doesNotContain(jti(claims));
                    assertThat(e.getCause()).isNull();
                });
    }

    private static void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(bearer(token), SERVICE_URL))
                .isInstanceOfSatisfying(CdsAuthException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static JwtClaims claims(String issuer) {
        JwtClaims claims = EHR.claims(SERVICE_URL);
        claims.setIssuer(issuer);
        claims.setSubject("rsa-client");
        claims.unsetClaim("tenant");
        return claims;
    }

    private static String signRsa(JwtClaims claims, String alg) {
        return TestTokens.sign(claims, alg, rsaKey.getPrivateKey(), Map.of("kid", rsaKey.getKeyId()));
    }

    private static NumericDate secondsFromNow(long seconds) {
        NumericDate date = NumericDate.now();
        date.addSeconds(seconds);
        return date;
    }

    private static String jti(JwtClaims claims) {
        return (String) claims.getClaimValue("jti");
    }
}
