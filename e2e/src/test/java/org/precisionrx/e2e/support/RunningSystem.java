package org.precisionrx.e2e.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.precisionrx.devtools.DevEhr;
import org.precisionrx.testsupport.KeycloakServer;
import org.precisionrx.testsupport.PackagedServices;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;
import org.precisionrx.testsupport.ServiceProcess;

/**
 * The whole suite as real processes: Keycloak with the committed realm, patient-profile-service,
 * dosage-service, recommender-service and the gateway from their packaged jars, each on its own
 * PostgreSQL database where it has one, on the ports of a {@link SystemLayout}. The flows get one
 * started by {@link SystemExtension}; the chaos tests start their own.
 */
public final class RunningSystem implements AutoCloseable {

    /** The services, in the order they start; they stop in reverse. */
    public enum Service {
        PROFILE, DOSAGE, RECOMMENDER, GATEWAY
    }

    static final String EHR_ISSUER = "https://ehr.e2e.precisionrx.example";
    static final String EHR_CONFIG_NAME = "e2e-ehr";
    /** A fresh distribution builds itself on first start, and the machine may be busy: be patient. */
    static final Duration KEYCLOAK_START = Duration.ofSeconds(Long.getLong("prx.keycloak.start-timeout-seconds", 360));

    private final SystemLayout layout;
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private KeycloakServer keycloak;
    private TestDatabase profileDatabase;
    private TestDatabase gatewayDatabase;
    private DevEhr ehr;
    private GatewayClient gateway;
    private Users users;
    private boolean closed;

    private RunningSystem(SystemLayout layout) {
        this.layout = layout;
    }

    /** Starts everything on {@code layout}'s ports; a JVM shutdown hook stops it should the run be cut short. */
    public static RunningSystem start(SystemLayout layout) {
        RunningSystem system = new RunningSystem(layout);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, layout.name() + "-system-shutdown"));
        Instant begin = Instant.now();
        try {
            system.startAll();
        } catch (RuntimeException | Error e) {
            system.close();
            throw e;
        }
        System.out.println(layout.name() + ": system up after " + Duration.between(begin, Instant.now()).toSeconds() + " s");
        return system;
    }

    private void startAll() {
        // Keycloak is the slowest to start: it starts alongside the services, which need it not.
        CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                Path.of(required("prx.keycloak.home")), Path.of(required("prx.keycloak.realm")),
                layout.keycloakPort(), layout.keycloakManagementPort(), KEYCLOAK_START));
        RuntimeException failed = null;
        try {
            profileDatabase = layout.databases().apply(layout.profileDatabase());
            start(Service.PROFILE);
            start(Service.DOSAGE);
            start(Service.RECOMMENDER);
            gatewayDatabase = layout.databases().apply(layout.gatewayDatabase());
            ehr = DevEhr.ephemeral(Path.of("target", layout.name() + "-ehr").toAbsolutePath(), EHR_ISSUER);
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
        start(Service.GATEWAY);
        gateway = new GatewayClient("http://127.0.0.1:" + layout.gatewayPort());
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

    public SystemLayout layout() {
        return layout;
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

    /** patient-profile-service's database, to look at what an import left behind. */
    public TestDatabase profileDatabase() {
        return profileDatabase;
    }

    /** The gateway's own database, to read its audit table. */
    public TestDatabase gatewayDatabase() {
        return gatewayDatabase;
    }

    public String keycloakRealmUrl() {
        return keycloak.realmUrl("precisionrx");
    }

    /** The operating-system process id of a running service. */
    public synchronized long pid(Service service) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return process.pid();
    }

    /** Starts a service (again) with the same command and settings, on its old port; waits until it is ready. */
    public synchronized void start(Service service) {
        if (!running.containsKey(service)) {
            running.put(service, launch(service));
        }
    }

    /** Takes a service away gracefully (the process ends), leaving everything else running. */
    public synchronized void stop(Service service) {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.close();
        }
    }

    /** Kills a service with {@code SIGKILL}, leaving everything else running. */
    public synchronized void kill(Service service) {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.kill();
        }
    }

    /** Kills Keycloak with {@code SIGKILL}; it is not started again in this run. */
    public synchronized void killKeycloak() {
        keycloak.kill();
    }

    private ServiceProcess launch(Service service) {
        return switch (service) {
            case PROFILE -> PackagedServices.profile(profileDatabase, layout.profilePort());
            case DOSAGE -> PackagedServices.dosage(layout.dosagePort(), layout.profilePort());
            case RECOMMENDER -> PackagedServices.recommender(layout.recommenderPort(), layout.profilePort(), layout.dosagePort());
            case GATEWAY -> PackagedServices.gateway(layout.gatewayPort(), gatewayDatabase, keycloak.baseUrl(),
                    layout.profilePort(), layout.dosagePort(), layout.recommenderPort(), ehr.config(EHR_CONFIG_NAME));
        };
    }

    /** Stops everything, the gateway first (it calls the others), Keycloak last. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Service service : List.of(Service.GATEWAY, Service.RECOMMENDER, Service.DOSAGE, Service.PROFILE)) {
            quietly(running.remove(service));
        }
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
