package org.precisionrx.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus service started as a real operating-system process, for tests that cross
 * process boundaries. It waits for {@code /q/health/ready} and is stopped with the test run.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param quarkusApp the service's {@code target/quarkus-app} folder
     * @param httpPort the port the service is told to listen on (its health endpoint is there)
     * @param env environment for the service (ports, database)
     */
    public static ServiceProcess start(Path quarkusApp, int httpPort, Map<String, String> env, Duration timeout) {
        return start(quarkusApp, httpPort, env, Map.of(), timeout);
    }

    /**
     * As {@link #start(Path, int, Map, Duration)}, with Java system properties ({@code -Dname=value})
     * too: for configuration keys that have no unambiguous environment-variable form, such as map
     * keys with dashes.
     */
    public static ServiceProcess start(Path quarkusApp, int httpPort, Map<String, String> env,
            Map<String, String> systemProperties, Duration timeout) {
        Path jar = quarkusApp.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing; package the service first");
        }
        try {
            Path log = Files.createTempFile("service-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
            systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            ServiceProcess service = new ServiceProcess(builder.start(), log);
            service.awaitReady(httpPort, timeout);
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
    }

    private void awaitReady(int port, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + "; log: " + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ProcessTrees.sleep(200);
        }
        close();
        throw new IllegalStateException("service not ready on port " + port + " within " + timeout + "; log: " + tail());
    }

    private String tail() {
        return ProcessTrees.tail(log, 30);
    }

    /** The service's operating-system process id, to read its memory use from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    /** Kills the service at once ({@code SIGKILL}): no shutdown hooks, no draining, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends SIGTERM (never SIGKILL) and waits up to {@code within} for the process to exit.
     *
     * @return the exit code, or empty when it was still running after {@code within}
     */
    public OptionalInt terminate(Duration within) {
        process.destroy();
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the service has logged so far. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    @Override
    public void close() {
        ProcessTrees.stop(process, Duration.ofSeconds(10));
    }
}
