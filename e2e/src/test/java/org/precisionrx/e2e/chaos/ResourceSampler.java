package org.precisionrx.e2e.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.RunningSystem.Service;
import org.precisionrx.testsupport.PrivatePostgres;

/**
 * Samples, every few seconds, what a leak would make grow: the resident memory of each service
 * process ({@code VmRSS} in {@code /proc/<pid>/status}) and the open PostgreSQL connections per
 * database ({@code pg_stat_activity}, the sampler's own connection left out).
 */
final class ResourceSampler implements AutoCloseable {

    /** One series: a name and its samples in order. */
    record Series(String name, String unit, List<Long> samples) {

        /** max / min of the second half of the samples; 1.0 is perfectly flat. */
        double secondHalfSpread() {
            List<Long> half = samples.subList(samples.size() / 2, samples.size());
            long min = half.stream().mapToLong(Long::longValue).min().orElse(0);
            long max = half.stream().mapToLong(Long::longValue).max().orElse(0);
            return min == 0 ? (max == 0 ? 1.0 : Double.POSITIVE_INFINITY) : (double) max / min;
        }

        String summary() {
            List<Long> half = samples.subList(samples.size() / 2, samples.size());
            return String.format("%-36s %3d samples  first %8d  second half min %8d max %8d  last %8d %s  spread %.3f",
                    name, samples.size(), samples.get(0), half.stream().mapToLong(Long::longValue).min().orElse(0),
                    half.stream().mapToLong(Long::longValue).max().orElse(0), samples.get(samples.size() - 1), unit,
                    secondHalfSpread());
        }
    }

    private final RunningSystem system;
    private final PrivatePostgres postgres;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    private ResourceSampler(RunningSystem system, PrivatePostgres postgres) {
        this.system = system;
        this.postgres = postgres;
    }

    static ResourceSampler start(RunningSystem system, PrivatePostgres postgres, java.time.Duration every) {
        ResourceSampler sampler = new ResourceSampler(system, postgres);
        sampler.clock.scheduleAtFixedRate(sampler::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        try {
            sampleOnce();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: keep the failure for the test to report.
            synchronized (this) {
                failures.add(e.toString());
            }
        }
    }

    private void sampleOnce() {
        for (Service service : Service.values()) {
            add("RSS " + service, "kB", residentKilobytes(system.pid(service)));
        }
        connectionsPerDatabase().forEach((database, count) -> add("connections " + database, "", count));
    }

    private synchronized void add(String name, String unit, long value) {
        series.computeIfAbsent(name, n -> new Series(n, unit, new ArrayList<>())).samples().add(value);
    }

    synchronized List<Series> series() {
        return series.values().stream().map(s -> new Series(s.name(), s.unit(), List.copyOf(s.samples()))).toList();
    }

    /** Samples that could not be taken. */
    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private static long residentKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for process " + pid);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
    }

    private Map<String, Long> connectionsPerDatabase() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(system.layout().profileDatabase(), 0L);
        counts.put(system.layout().gatewayDatabase(), 0L);
        try (Connection connection = DriverManager.getConnection(postgres.serverUrl() + "postgres", "postgres", "");
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT datname, count(*) FROM pg_stat_activity"
                        + " WHERE datname IS NOT NULL AND pid <> pg_backend_pid() GROUP BY datname")) {
            while (rows.next()) {
                if (counts.containsKey(rows.getString(1))) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count connections on the private PostgreSQL", e);
        }
        return counts;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        try {
            clock.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
