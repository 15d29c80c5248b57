package org.precisionrx.devtools;

import java.nio.file.Path;

/** Where the local run ({@code ./precisionrx up}) puts things: fixed loopback ports, dev-only credentials. */
public final class LocalSuite {

    public static final String GATEWAY_URL = "http://127.0.0.1:8104";
    public static final String REALM_URL = "http://127.0.0.1:8180/realms/precisionrx";

    /** The public web client; any redirect URI under the gateway is allowed, and none is ever called. */
    public static final String WEB_CLIENT = "precisionrx-web";
    public static final String WEB_REDIRECT_URI = GATEWAY_URL + "/callback";
    /** The dev-only password of every demo user (keycloak/README.md). */
    public static final String DEMO_PASSWORD = "dev-password";

    /** The EHR's own Keycloak client (client credentials, role admin): pushes imports and care teams. */
    public static final String EHR_CLIENT = "precisionrx-ehr";
    static final String EHR_CLIENT_SECRET_ENV = "PRX_EHR_CLIENT_SECRET";
    static final String EHR_CLIENT_SECRET_DEFAULT = "dev-only-ehr-secret";

    public static final String EHR_ISSUER = "https://ehr.dev.precisionrx.local";
    /** The gateway's name for the development EHR's issuer entry. */
    public static final String EHR_CONFIG_ENTRY = "dev-ehr";

    private LocalSuite() {
    }

    /** The development EHR whose key is kept in the state directory, so its trust survives restarts. */
    public static DevEhr ehr(Path stateDir) {
        return DevEhr.loadOrCreate(stateDir.resolve("ehr"), EHR_ISSUER);
    }

    /** The URL an EHR calls, and its JWT's {@code aud}. */
    public static String cdsServiceUrl(String serviceId) {
        return GATEWAY_URL + "/cds-services/" + serviceId;
    }

    static String ehrClientSecret() {
        String secret = System.getenv(EHR_CLIENT_SECRET_ENV);
        return secret == null || secret.isBlank() ? EHR_CLIENT_SECRET_DEFAULT : secret;
    }
}
