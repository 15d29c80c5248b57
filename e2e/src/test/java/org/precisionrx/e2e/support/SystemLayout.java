package org.precisionrx.e2e.support;

import java.util.function.Function;

import org.precisionrx.testsupport.PostgresDatabases;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;

/**
 * Where one {@link RunningSystem} runs: its ports, the PostgreSQL that makes its databases, and a
 * name for its files. The flows use {@link #E2E} on the shared server; the chaos tests run a second
 * layout on a private cluster they may crash.
 */
public record SystemLayout(String name, int profilePort, int dosagePort, int recommenderPort, int gatewayPort,
        int keycloakPort, int keycloakManagementPort, String profileDatabase, String gatewayDatabase,
        Function<String, TestDatabase> databases) {

    /** The flows' system: ports 18301-18304, Keycloak 18380/19300, fresh databases on the shared server. */
    public static final SystemLayout E2E = new SystemLayout("e2e", 18301, 18302, 18303, 18304, 18380, 19300,
            "prx_e2e_profile", "prx_e2e_gateway", PostgresDatabases::recreate);
}
