package org.precisionrx.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;

/**
 * The suite's services as real processes for cross-process tests, started from their packaged
 * jars (the reactor builds them before the modules whose tests use them).
 */
public final class PackagedServices {

    /** A service starts in ~10 s on an idle machine; on a 2-core build machine at load 27 one took 61 s. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final Duration MODELS_READY_WITHIN = Duration.ofSeconds(240);

    private PackagedServices() {
    }

    /** patient-profile-service on its own fresh database, listening on {@code port}. */
    public static ServiceProcess profile(String database, int port) {
        return profile(PostgresDatabases.recreate(database), port);
    }

    /** patient-profile-service on {@code db} (Flyway migrates it), listening on {@code port}. */
    public static ServiceProcess profile(TestDatabase db, int port) {
        return ServiceProcess.start(Path.of("../patient-profile-service/target/quarkus-app"), port, Map.of(
                "PROFILE_DB_URL", db.jdbcUrl(),
                "PROFILE_DB_USER", db.user(),
                "PROFILE_DB_PASSWORD", db.password(),
                "PROFILE_HTTP_PORT", String.valueOf(port)), READY_WITHIN);
    }

    /** dosage-service on {@code port}, fetching profiles from {@code profilePort}. */
    public static ServiceProcess dosage(int port, int profilePort) {
        return ServiceProcess.start(Path.of("../dosage-service/target/quarkus-app"), port, Map.of(
                "DOSAGE_HTTP_PORT", String.valueOf(port),
                "PROFILE_GRPC_PORT", String.valueOf(profilePort)), READY_WITHIN);
    }

    /**
     * recommender-service on {@code port}, calling profile and dosage on theirs; ready once its models
     * are loaded and self-checked, which takes minutes when Keycloak builds itself on the same cores.
     */
    public static ServiceProcess recommender(int port, int profilePort, int dosagePort) {
        return ServiceProcess.start(Path.of("../recommender-service/target/quarkus-app"), port, Map.of(
                "RECOMMENDER_HTTP_PORT", String.valueOf(port),
                "PROFILE_GRPC_PORT", String.valueOf(profilePort),
                "DOSAGE_GRPC_PORT", String.valueOf(dosagePort)), MODELS_READY_WITHIN);
    }

    /**
     * The gateway on {@code port}, on {@code database} (Flyway migrates it), trusting the Keycloak at
     * {@code keycloakUrl} and calling the three services on their ports. EHRs are told to call it at
     * {@code http://127.0.0.1:<port>}. {@code systemProperties} carry what has no unambiguous
     * environment form, such as {@code precisionrx.cds.issuers.<name>.*}. It waits longer than the
     * other services: on a loaded machine its first OIDC discovery and migration take a while.
     */
    public static ServiceProcess gateway(int port, TestDatabase database, String keycloakUrl, int profilePort,
            int dosagePort, int recommenderPort, Map<String, String> systemProperties) {
        return ServiceProcess.start(Path.of("../gateway/target/quarkus-app"), port, Map.of(
                "GATEWAY_HTTP_PORT", String.valueOf(port),
                "GATEWAY_PUBLIC_URL", "http://127.0.0.1:" + port,
                "KEYCLOAK_URL", keycloakUrl,
                "GATEWAY_DB_URL", database.jdbcUrl(),
                "GATEWAY_DB_USER", database.user(),
                "GATEWAY_DB_PASSWORD", database.password(),
                "PROFILE_GRPC_PORT", String.valueOf(profilePort),
                "DOSAGE_GRPC_PORT", String.valueOf(dosagePort),
                "RECOMMENDER_GRPC_PORT", String.valueOf(recommenderPort)), systemProperties, READY_WITHIN.multipliedBy(2));
    }

    /**
     * Client settings pointing a Quarkus gRPC client at a port. In test mode Quarkus points clients
     * at the app's own test port unless {@code test-port} is set too.
     */
    public static Map<String, String> client(String name, int port) {
        return Map.of(
                "quarkus.grpc.clients." + name + ".host", "127.0.0.1",
                "quarkus.grpc.clients." + name + ".port", String.valueOf(port),
                "quarkus.grpc.clients." + name + ".test-port", String.valueOf(port));
    }
}
