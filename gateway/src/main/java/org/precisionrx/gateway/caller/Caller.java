package org.precisionrx.gateway.caller;

import java.util.Set;

/**
 * Who is calling, as the verified token says: Keycloak subject, username, realm roles, the
 * client the token was issued to, and for patient users the linked patient record.
 */
public record Caller(String subject, String username, Set<String> roles, String clientId, String linkedPatientId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The client as the audit trail names it; a token without {@code azp} is recorded as such. */
    public String clientForAudit() {
        return clientId == null || clientId.isBlank() ? "unknown-client" : clientId;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The roles for the audit record, sorted so that the record is stable. */
    public String rolesForAudit() {
        return roles.isEmpty() ? "no-role" : String.join(",", roles.stream().sorted().toList());
    }
}
