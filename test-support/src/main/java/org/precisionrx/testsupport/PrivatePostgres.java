package org.precisionrx.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;

/**
 * A PostgreSQL 15 cluster of its own, for tests that crash and restart the database: never the
 * machine's shared server. {@code initdb} makes it in a temporary folder (trust authentication,
 * {@code fsync} on: durability is what such tests check); {@code pg_ctl} starts it on
 * {@code 127.0.0.1:<port>}, crashes it ({@code stop -m immediate}: no checkpoint, recovery from
 * the WAL at the next start) and starts it again. PostgreSQL refuses to run as root, so under
 * root every command runs as the {@code postgres} user ({@code runuser}), in a folder it owns.
 * The binaries default to {@code /usr/lib/postgresql/15/bin} ({@code PRX_TEST_PG_BIN} overrides).
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final String SYSTEM_USER = "postgres";

    private final Path bin;
    private final Path root;
    private final Path data;
    private final Path log;
    private final int port;
    private boolean running;

    private PrivatePostgres(Path bin, Path root, int port) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.log = root.resolve("postgres.log");
        this.port = port;
    }

    /** Creates a fresh cluster and starts it on {@code port}. */
    public static PrivatePostgres start(int port) {
        String configured = System.getenv("PRX_TEST_PG_BIN");
        Path bin = Path.of(configured == null || configured.isBlank() ? "/usr/lib/postgresql/15/bin" : configured);
        if (!Files.isExecutable(bin.resolve("initdb"))) {
            throw new IllegalStateException(bin.resolve("initdb") + " is missing; install postgresql-15 or set PRX_TEST_PG_BIN");
        }
        try {
            PrivatePostgres cluster = new PrivatePostgres(bin, Files.createTempDirectory("prx-private-pg-"), port);
            cluster.initialise();
            cluster.startServer();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a private PostgreSQL cluster", e);
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/}, to append a database name to. */
    public String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    /** A fresh, empty database on this cluster. */
    public TestDatabase database(String name) {
        return PostgresDatabases.recreate(serverUrl(), SYSTEM_USER, "", name);
    }

    /** Crashes the server: every backend is killed at once, nothing is flushed beyond what was committed. */
    public synchronized void crash() {
        pgCtl("stop", "-m", "immediate", "-w");
        running = false;
    }

    /** Starts the server again after {@link #crash()}; it recovers from its WAL before accepting connections. */
    public synchronized void restart() {
        startServer();
    }

    public synchronized boolean running() {
        return running;
    }

    /** Stops the server and deletes the cluster. */
    @Override
    public synchronized void close() {
        try {
            if (running) {
                pgCtl("stop", "-m", "fast", "-w");
                running = false;
            }
        } catch (RuntimeException e) {
            System.err.println("private PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        deleteQuietly();
    }

    private void initialise() throws IOException {
        Files.createDirectories(data);
        Files.createFile(log);
        if (isRoot()) {
            handToSystemUser(root);
            handToSystemUser(data);
            handToSystemUser(log);
        }
        // --no-sync only skips initdb's own final flush of the empty cluster; the server runs with fsync on.
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SYSTEM_USER, "--auth=trust",
                "--encoding=UTF8", "--no-sync"));
    }

    private void startServer() {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + root + " -c fsync=on"
                + " -c synchronous_commit=on -c max_connections=200";
        pgCtl("start", "-w", "-t", "60", "-l", log.toString(), "-o", options);
        running = true;
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(arguments));
        run(command);
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("prx-pg-command-", ".log");
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT);
            }
            String text = Files.readString(output);
            Files.deleteIfExists(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + text
                        + "\nserver log:\n" + ProcessTrees.tail(log, 20));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void handToSystemUser(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(SYSTEM_USER));
        GroupPrincipal group = users.lookupPrincipalByGroupName(SYSTEM_USER);
        view.setGroup(group);
    }

    private void deleteQuietly() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
