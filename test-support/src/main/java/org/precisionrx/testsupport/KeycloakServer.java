package org.precisionrx.testsupport;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak server ({@code kc.sh start-dev}, in-memory database) started as an
 * operating-system process for tests. The realm file is imported at start, so every start begins
 * from the committed realm. It listens on {@code 127.0.0.1} only, waits for
 * {@code /health/ready} on the management port and is stopped with its whole process tree.
 *
 * <p>Keycloak runs on the JDK named by {@code PRX_KEYCLOAK_JAVA_HOME}, else
 * {@code /usr/lib/jvm/java-17-openjdk-amd64} if present, else the test JVM's own.
 */
public final class KeycloakServer implements AutoCloseable {

    /** JVM-wide record of the shared server ("port|log"), visible to every class loader. */
    private static final String SHARED_MARKER = "prx.keycloak.shared";

    /** Bootstrap administrator of the master realm; dev-only, the server lives for one test run. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "dev-only-admin";

    private static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-amd64";
    private static final Duration SHARED_START_TIMEOUT = Duration.ofSeconds(360);
    private static KeycloakServer shared;

    private final Process process;
    private final Path log;
    private final int httpPort;

    private KeycloakServer(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * Starts Keycloak and waits until it is ready.
     *
     * @param home an unpacked {@code keycloak-quarkus-dist} (the folder holding {@code bin/kc.sh})
     * @param realmFile a realm export, copied into {@code home/data/import} and imported at start
     * @param httpPort the port for the realms, admin API and login pages
     * @param managementPort the port of the health endpoints
     * @param timeout how long to wait for readiness (the first start of a fresh dist also builds it)
     */
    public static KeycloakServer start(Path home, Path realmFile, int httpPort, int managementPort, Duration timeout) {
        Path kcSh = home.resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException(kcSh.toAbsolutePath() + " is missing; unpack keycloak-quarkus-dist first"
                    + " (the gateway build does it in generate-test-resources)");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("realm file " + realmFile.toAbsolutePath() + " is missing");
        }
        requireFree(httpPort, "http");
        requireFree(managementPort, "management");
        try {
            copyRealm(home, realmFile);
            Path log = logFile(httpPort);
            ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", kcSh.toAbsolutePath().toString(), "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + httpPort,
                    "--hostname=http://127.0.0.1:" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--health-enabled=true",
                    "--db=dev-mem",
                    "--import-realm"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            // Settings of the caller's environment must not reconfigure the test server.
            env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS")
                    || name.equals("JAVA_TOOL_OPTIONS"));
            env.put("JAVA_HOME", javaHome());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            KeycloakServer server = new KeycloakServer(builder.start(), log, httpPort);
            server.awaitReady(managementPort, timeout);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak from " + home.toAbsolutePath(), e);
        }
    }

    /**
     * One Keycloak per test JVM, started on first use from the system properties
     * {@code prx.keycloak.home}, {@code prx.keycloak.realm}, {@code prx.keycloak.port} (default
     * 18180), {@code prx.keycloak.management-port} (default 19100) and
     * {@code prx.keycloak.start-timeout-seconds} (default 360); stopped when the JVM exits.
     */
    public static synchronized KeycloakServer shared() {
        if (shared == null && System.getProperty(SHARED_MARKER) != null) {
            // Started by this JVM under another class loader (Quarkus tests load this class
            // again): attach to it; its owner stops it.
            String[] marker = System.getProperty(SHARED_MARKER).split("\\|", 2);
            shared = new KeycloakServer(null, Path.of(marker[1]), Integer.parseInt(marker[0]));
        }
        if (shared == null) {
            String home = System.getProperty("prx.keycloak.home");
            String realm = System.getProperty("prx.keycloak.realm");
            if (home == null || home.isBlank() || realm == null || realm.isBlank()) {
                throw new IllegalStateException("system properties prx.keycloak.home and prx.keycloak.realm are not set;"
                        + " run the tests through Maven (gateway/pom.xml sets them)");
            }
            int port = Integer.getInteger("prx.keycloak.port", 18180);
            int managementPort = Integer.getInteger("prx.keycloak.management-port", 19100);
            Duration timeout = Duration.ofSeconds(Long.getLong("prx.keycloak.start-timeout-seconds",
                    SHARED_START_TIMEOUT.toSeconds()));
            KeycloakServer server = start(Path.of(home), Path.of(realm), port, managementPort, timeout);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-shutdown"));
            System.setProperty(SHARED_MARKER, port + "|" + server.log());
            shared = server;
        }
        return shared;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The issuer URL of a realm, for example {@code http://127.0.0.1:18180/realms/precisionrx}. */
    public String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** The server's log file. */
    public Path log() {
        return log;
    }

    private static void copyRealm(Path home, Path realmFile) throws IOException {
        Path importDir = home.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        // Only the given realm is imported: realm files left by earlier runs are removed.
        try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir, "*.json")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path logFile(int httpPort) throws IOException {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Files.createDirectories(target);
        return target.resolve("keycloak-" + httpPort + ".log");
    }

    private static String javaHome() {
        String configured = System.getenv("PRX_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (Files.isExecutable(Path.of(DEFAULT_JAVA_HOME, "bin", "java"))) {
            return DEFAULT_JAVA_HOME;
        }
        return System.getProperty("java.home");
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like Keycloak itself: connections of an earlier run in TIME_WAIT do not count as taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw new IllegalStateException("cannot start Keycloak: " + what + " port " + port
                    + " on 127.0.0.1 is taken (another Keycloak still running?)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot check " + what + " port " + port, e);
        }
    }

    private void awaitReady(int managementPort, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " before it was ready;"
                        + " log " + log + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    System.out.println("Keycloak ready on " + baseUrl() + " after "
                            + Duration.between(started, Instant.now()).toSeconds() + " s (log " + log + ")");
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ProcessTrees.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready on " + ready + " within " + timeout + "; log " + log + ":\n"
                + tail());
    }

    private String tail() {
        return ProcessTrees.tail(log, 40);
    }

    /** Kills Keycloak at once ({@code SIGKILL}, the server JVM under kc.sh too), as a crash would. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops Keycloak: kc.sh runs the server JVM as its child, so the whole tree is ended. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        ProcessTrees.stop(process, Duration.ofSeconds(20));
    }
}
