package org.precisionrx.gateway.access;

import java.time.Clock;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.audit.AuditRecord;
import org.precisionrx.gateway.audit.AuditTrail;
import org.precisionrx.gateway.audit.AuditUnavailableException;
import org.precisionrx.gateway.caller.RequestIds;
import org.precisionrx.gateway.caller.UntrustedClaims;

/**
 * Writes the audit record of a request refused with 401: no token, or a token quarkus-oidc did not
 * accept (signature, issuer, audience, expiry). Nobody is authenticated, so the subject is
 * {@code unauthenticated}; what the token claimed goes into the detail, marked as claimed.
 */
@RequestScoped
public class RejectedTokens {

    static final String SUBJECT = "unauthenticated";
    private static final Logger LOG = Logger.getLogger(RejectedTokens.class);
    private static final int MAX_PATH = 200;

    private final RequestIds requestIds;
    private final AuditTrail audit;
    private final String issuer;
    private final String audience;

    public RejectedTokens(RequestIds requestIds, AuditTrail audit,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer,
            @ConfigProperty(name = "quarkus.oidc.token.audience") String audience) {
        this.requestIds = requestIds;
        this.audit = audit;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** Records the refusal; a trail that cannot be written does not turn the 401 into a 503. */
    public void record(String path, String authorization) {
        String detail = authorization == null || authorization.isBlank() ? "token refused (no bearer token)"
                : UntrustedClaims.fromAuthorization(authorization, audience)
                        .map(c -> "token refused (" + c.likelyReason(Clock.systemUTC().instant(), issuer) + "); "
                                + c.describe())
                        .orElse("token refused (not a readable JWT)");
        String action = "http:" + (path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path);
        try {
            audit.append(new AuditRecord(requestIds.current(), SUBJECT, "no-role", "unknown-client", null, action, null,
                    null, AuditOutcome.DENIED, false, detail));
        } catch (AuditUnavailableException e) {
            LOG.errorf("refused authentication of request %s not audited", requestIds.current());
        }
    }
}
