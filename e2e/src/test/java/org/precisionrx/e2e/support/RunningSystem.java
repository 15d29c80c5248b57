package org.precisionrx.e2e.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.precisionrx.devtools.DevEhr;
import org.precisionrx.testsupport.KeycloakServer;
import org.precisionrx.testsupport.PackagedServices;
import org.precisionrx.testsupport.PostgresDatabases;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;
import org.precisionrx.testsupport.ServiceProcess;

/**
 * The whole suite as real processes: Keycloak with the committed realm, patient-profile-service,
 * dosage-service, recommender-service and the gateway from their packaged jars, each on its own
 * PostgreSQL database where it has one. Started once per test run by {@link SystemExtension}.
 */
public final class RunningSystem implements AutoCloseable {

    public static final int PROFILE_PORT = 18301;
    public static final int DOSAGE_PORT = 18302;
    public static final int RECOMMENDER_PORT = 18303;
    public static final int GATEWAY_PORT = 18304;
    public static final int KEYCLOAK_PORT = 18380;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 19300;

    static final String PROFILE_DATABASE = "prx_e2e_profile";
    static final String GATEWAY_DATABASE = "prx_e2e_gateway";
    static final String EHR_ISSUER = "https://ehr.e2e.precisionrx.example";
    static final String EHR_CONFIG_NAME = "e2e-ehr";
    /** A fresh distribution builds itself on first start, and the machine may be busy: be patient. */
    static final Duration KEYCLOAK_START = Duration.ofSeconds(Long.getLong("prx.keycloak.start-timeout-seconds", 360));

    private final List<AutoCloseable> started = new ArrayList<>();
    private KeycloakServer keycloak;
    private ServiceProcess dosage;
    private TestDatabase gatewayDatabase;
    private DevEhr ehr;
    private GatewayClient gateway;
    private Users users;
    private boolean closed;

    private RunningSystem() {
    }

    static RunningSystem start() {
        RunningSystem system = new RunningSystem();
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "e2e-system-shutdown"));
        Instant begin = Instant.now();
        try {
            system.startAll();
        } catch (RuntimeException | Error e) {
            system.close();
            throw e;
        }
        System.out.println("e2e: system up after " + Duration.between(begin, Instant.now()).toSeconds() + " s");
        return system;
    }

    private void startAll() {
        // Keycloak is the slowest to start: it starts alongside the services, which need it not.
        CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                Path.of(required("prx.keycloak.home")), Path.of(required("prx.keycloak.realm")),
                KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT, KEYCLOAK_START));
        RuntimeException failed = null;
        try {
            started.add(PackagedServices.profile(PROFILE_DATABASE, PROFILE_PORT));
            dosage = PackagedServices.dosage(DOSAGE_PORT, PROFILE_PORT);
            started.add(PackagedServices.recommender(RECOMMENDER_PORT, PROFILE_PORT, DOSAGE_PORT));
            gatewayDatabase = PostgresDatabases.recreate(GATEWAY_DATABASE);
            ehr = DevEhr.ephemeral(Path.of("target", "e2e-ehr").toAbsolutePath(), EHR_ISSUER);
        } catch (RuntimeException e) {
            failed = e;
        }
        // Even when a service failed, wait for Keycloak: only a started server can be stopped.
        try {
            keycloak = awaitKeycloak(keycloakStart);
        } catch (RuntimeException e) {
            if (failed == null) {
                throw e;
            }
            failed.addSuppressed(e);
        }
        if (failed != null) {
            throw failed;
        }
        started.add(PackagedServices.gateway(GATEWAY_PORT, gatewayDatabase, keycloak.baseUrl(), PROFILE_PORT,
                DOSAGE_PORT, RECOMMENDER_PORT, ehr.config(EHR_CONFIG_NAME)));
        gateway = new GatewayClient("http://127.0.0.1:" + GATEWAY_PORT);
        users = new Users(keycloak.realmUrl("precisionrx"));
    }

    private KeycloakServer awaitKeycloak(CompletableFuture<KeycloakServer> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven"
                    + " (e2e/pom.xml sets it)");
        }
        return value;
    }

    public GatewayClient gateway() {
        return gateway;
    }

    public Users users() {
        return users;
    }

    /** The development EHR the gateway trusts for CDS Hooks. */
    public DevEhr ehr() {
        return ehr;
    }

    /** The gateway's own database, to read its audit table. */
    public TestDatabase gatewayDatabase() {
        return gatewayDatabase;
    }

    public String keycloakRealmUrl() {
        return keycloak.realmUrl("precisionrx");
    }

    /** Takes dosage-service away (the process ends), leaving everything else running. */
    public synchronized void stopDosage() {
        if (dosage != null) {
            dosage.close();
            dosage = null;
        }
    }

    /** Starts dosage-service again on its old port; nothing else is restarted. */
    public synchronized void startDosage() {
        if (dosage == null) {
            dosage = PackagedServices.dosage(DOSAGE_PORT, PROFILE_PORT);
        }
    }

    /** Stops everything, the gateway first (it calls the others), Keycloak last. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> stopping = new ArrayList<>(started);
        java.util.Collections.reverse(stopping);
        stopping.forEach(RunningSystem::quietly);
        quietly(dosage);
        quietly(keycloak);
    }

    private static void quietly(AutoCloseable process) {
        if (process == null) {
            return;
        }
        try {
            process.close();
        } catch (Exception e) {
            System.err.println("e2e: could not stop " + process + ": " + e);
        }
    }
}
