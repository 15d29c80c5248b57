package org.precisionrx.gateway.caller;

import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, from the token quarkus-oidc verified. Request
 * scoped, so that singletons (REST resources) always see the caller of the request they serve.
 */
@RequestScoped
public class CurrentCaller {

    static final String PATIENT_ID_CLAIM = "patient_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    private Caller read() {
        if (identity.isAnonymous()) {
            return new Caller("anonymous", "anonymous", Set.of(), "", null);
        }
        String patientId = token.getClaim(PATIENT_ID_CLAIM);
        String username = token.getClaim("preferred_username");
        String client = token.getClaim("azp");
        return new Caller(token.getSubject(), username == null ? token.getSubject() : username,
                identity.getRoles(), client == null ? "" : client,
                patientId == null || patientId.isBlank() ? null : patientId);
    }
}
