package org.precisionrx.gateway.cdshooks.auth;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.HeaderParameterNames;

/**
 * Verifies the JWT an EHR sends with a CDS Hooks call (CDS Hooks 2.0, "Trusting CDS Clients").
 *
 * <p>Two passes: the token is first read without trusting anything in it, only to learn which
 * issuer and key it claims; the algorithm, issuer, {@code jku} and key id are checked against the
 * configuration; only then does jose4j verify the signature (with an explicit algorithm allowlist)
 * and the standard claims. The replay check comes last so that only genuine tokens are recorded.
 */
@ApplicationScoped
@Startup // fail at startup, not at the first EHR call, when the issuers are misconfigured
public class CdsJwtVerifier {

    private static final Logger LOG = Logger.getLogger(CdsJwtVerifier.class);
    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final String TENANT_CLAIM = "tenant";

    /** Reads a token's headers and claims without verifying anything; never used to trust it. */
    private static final JwtConsumer UNVERIFIED_READER = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    /** jose4j error codes mapped to our reasons, most fundamental first, since several can be reported at once. */
    private static final Map<Integer, String> REASONS_BY_PRIORITY = orderedReasons();

    private final TrustedIssuers issuers;
    private final JtiReplayGuard replayGuard;
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxTokenLifetime;

    @Inject
    public CdsJwtVerifier(CdsIssuersConfig config, JtiReplayGuard replayGuard) {
        this(config, replayGuard, Clock.systemUTC());
    }

    CdsJwtVerifier(CdsIssuersConfig config, JtiReplayGuard replayGuard, Clock clock) {
        // Never follow redirects: the configured URL is the one trusted to serve keys.
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.issuers = new TrustedIssuers(config, http, clock);
        this.replayGuard = replayGuard;
        this.clock = clock;
        this.clockSkew = config.clockSkew();
        this.maxTokenLifetime = config.maxTokenLifetime();
    }

    /**
     * Verifies the {@code Authorization} header of a CDS Hooks call.
     *
     * @param authorizationHeader the header value, {@code Bearer <JWT>}; may be null
     * @param serviceUrl          the URL of the CDS service called, which must be the token's audience
     * @return who is calling and which FHIR servers they may see patients of
     * @throws CdsAuthException      when the token is refused
     * @throws IllegalStateException when the replay store is unreachable (refuse the call; never skip the check)
     */
    public EhrCaller verify(String authorizationHeader, String serviceUrl) {
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        try {
            return verifyToken(bearerToken(authorizationHeader), serviceUrl);
        } catch (CdsAuthException e) {
            LOG.debugf("CDS Hooks JWT refused: %s", e.reason());
            throw e;
        }
    }

    private EhrCaller verifyToken(String token, String serviceUrl) {
        JwtContext unverified = readUnverified(token);
        JsonWebSignature jws = singleSignature(unverified);
        String alg = allowedAlgorithm(jws);
        TrustedIssuer issuer = claimedIssuer(unverified.getJwtClaims());
        JsonWebKey key = signingKey(issuer, jws, alg);

        JwtClaims claims = verifySignatureAndClaims(unverified, key, issuer.issuer(), serviceUrl);
        Instant expiry = checkTimes(claims);
        EhrCaller caller = new EhrCaller(issuer.issuer(), stringClaim(claims, "sub"),
                stringClaim(claims, TENANT_CLAIM), stringClaim(claims, "jti"), issuer.fhirServers());
        // Last, so that only tokens accepted in every other respect use up their jti.
        if (!replayGuard.firstUse(caller.issuer(), caller.jti(), expiry.plus(clockSkew))) {
            throw new CdsAuthException("replayed_jti", "the token has already been used");
        }
        return caller;
    }

    private static String bearerToken(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new CdsAuthException("missing_token", "the call has no bearer token");
        }
        String header = authorizationHeader.strip();
        // The scheme name is case-insensitive (RFC 9110).
        if (!header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw new CdsAuthException("missing_token", "the call has no bearer token");
        }
        String token = header.substring("bearer ".length()).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new CdsAuthException("malformed", "the bearer token is not a JWT");
        }
        return token;
    }

    private static JwtContext readUnverified(String token) {
        try {
            return UNVERIFIED_READER.process(token);
        } catch (InvalidJwtException e) {
            throw new CdsAuthException("malformed", "the bearer token is not a JWT");
        }
    }

    /** Exactly one JWS: no encrypted or nested tokens, whose inner layers would need their own checks. */
    private static JsonWebSignature singleSignature(JwtContext context) {
        if (context.getJoseObjects().size() != 1
                || !(context.getJoseObjects().get(0) instanceof JsonWebSignature jws)) {
            throw new CdsAuthException("malformed", "the bearer token is not a signed JWT");
        }
        return jws;
    }

    private static String allowedAlgorithm(JsonWebSignature jws) {
        String alg = jws.getAlgorithmHeaderValue();
        if (!SigningAlgorithms.allowed(alg)) {
            throw new CdsAuthException("bad_algorithm", "the token must be signed with ES384 or RS384");
        }
        return alg;
    }

    private TrustedIssuer claimedIssuer(JwtClaims unverifiedClaims) {
        String iss = stringClaim(unverifiedClaims, "iss");
        if (iss == null) {
            throw new CdsAuthException("missing_claim:iss", "the token has no issuer");
        }
        return issuers.find(iss)
                .orElseThrow(() -> new CdsAuthException("unknown_issuer", "the token's issuer is not trusted"));
    }

    private static JsonWebKey signingKey(TrustedIssuer issuer, JsonWebSignature jws, String alg) {
        JwksSource keys = issuer.keysFor(stringHeader(jws, HeaderParameterNames.JWK_SET_URL));
        String kid = stringHeader(jws, HeaderParameterNames.KEY_ID);
        if (kid == null) {
            throw new CdsAuthException("missing_header:kid", "the token has no kid header");
        }
        return keys.find(kid, alg)
                .orElseThrow(() -> new CdsAuthException("unknown_kid", "the token's signing key is not known"));
    }

    /**
     * A header that must be a JSON string, or null when absent. jose4j's getters ({@code getKeyIdHeaderValue},
     * {@code getHeader}) cast to String, so {@code "kid": 84} was a ClassCastException (a 500) there.
     */
    private static String stringHeader(JsonWebSignature jws, String name) {
        Object value = jws.getHeaders().getObjectHeaderValue(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new CdsAuthException("malformed", "the token's " + name + " header is not a string");
    }

    private JwtClaims verifySignatureAndClaims(JwtContext unverified, JsonWebKey key, String issuer, String serviceUrl) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(SigningAlgorithms.PERMITTED)
                .setJwsProviderContext(EcdsaProvider.forKey(key))
                .setVerificationKey(key.getKey())
                .setExpectedIssuer(issuer)
                .setExpectedAudience(serviceUrl)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(Math.toIntExact(clockSkew.toSeconds()))
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            consumer.processContext(unverified);
            return unverified.getJwtClaims();
        } catch (InvalidJwtException e) {
            throw new CdsAuthException(reasonFor(e), "the token is not valid");
        }
    }

    /** What jose4j does not check: an {@code iat} in the future, and tokens that live too long. */
    private Instant checkTimes(JwtClaims claims) {
        try {
            Instant issuedAt = instant(claims.getIssuedAt().getValue());
            Instant expiry = instant(claims.getExpirationTime().getValue());
            if (issuedAt.isAfter(clock.instant().plus(clockSkew))) {
                throw new CdsAuthException("iat_in_future", "the token is issued in the future");
            }
            // Skew is tolerated here too: some issuers backdate iat by their own skew allowance.
            if (Duration.between(issuedAt, expiry).compareTo(maxTokenLifetime.plus(clockSkew)) > 0) {
                throw new CdsAuthException("lifetime_too_long", "the token is valid for too long");
            }
            return expiry;
        } catch (MalformedClaimException e) {
            throw new CdsAuthException("malformed", "the token has a malformed claim");
        }
    }

    /** A NumericDate as an Instant; jose4j accepts any long, Instant only about +-31 million millennia. */
    private static Instant instant(long epochSeconds) {
        try {
            return Instant.ofEpochSecond(epochSeconds);
        } catch (DateTimeException e) {
            throw new CdsAuthException("malformed", "the token has a malformed claim");
        }
    }

    private static String stringClaim(JwtClaims claims, String name) {
        try {
            return claims.getStringClaimValue(name);
        } catch (MalformedClaimException e) {
            throw new CdsAuthException("malformed", "the token has a malformed claim");
        }
    }

    private static String reasonFor(InvalidJwtException e) {
        return REASONS_BY_PRIORITY.entrySet().stream()
                .filter(reason -> e.hasErrorCode(reason.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("invalid_token");
    }

    private static Map<Integer, String> orderedReasons() {
        Map<Integer, String> reasons = new LinkedHashMap<>();
        reasons.put(ErrorCodes.SIGNATURE_INVALID, "bad_signature");
        reasons.put(ErrorCodes.SIGNATURE_MISSING, "bad_signature");
        reasons.put(ErrorCodes.MALFORMED_CLAIM, "malformed");
        reasons.put(ErrorCodes.JSON_INVALID, "malformed");
        reasons.put(ErrorCodes.EXPIRATION_MISSING, "missing_claim:exp");
        reasons.put(ErrorCodes.ISSUED_AT_MISSING, "missing_claim:iat");
        reasons.put(ErrorCodes.JWT_ID_MISSING, "missing_claim:jti");
        reasons.put(ErrorCodes.SUBJECT_MISSING, "missing_claim:sub");
        reasons.put(ErrorCodes.AUDIENCE_MISSING, "missing_claim:aud");
        reasons.put(ErrorCodes.ISSUER_MISSING, "missing_claim:iss");
        reasons.put(ErrorCodes.ISSUER_INVALID, "unknown_issuer");
        reasons.put(ErrorCodes.AUDIENCE_INVALID, "wrong_audience");
        reasons.put(ErrorCodes.EXPIRED, "expired");
        reasons.put(ErrorCodes.NOT_YET_VALID, "not_yet_valid");
        return Collections.unmodifiableMap(reasons);
    }
}
