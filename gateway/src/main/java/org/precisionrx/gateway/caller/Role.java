package org.precisionrx.gateway.caller;

/** Keycloak realm roles of realm {@code precisionrx}, as they appear in {@code realm_access.roles}. */
public final class Role {

    public static final String CLINICIAN = "clinician";
    public static final String PHARMACIST = "pharmacist";
    public static final String PATIENT = "patient";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";

    private Role() {
    }
}
