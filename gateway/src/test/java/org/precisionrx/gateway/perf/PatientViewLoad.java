package org.precisionrx.gateway.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.cdshooks.HookRequests;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;

/**
 * A load loop for the CDS Hooks {@code patient-view} service, run by hand (its name does not end in
 * Test, so {@code verify} skips it):
 * <pre>
 * ./mvnw -B -q -pl gateway -am verify -Dtest=PatientViewLoad \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dprx.perf.seconds=60] [-Dprx.perf.rate=100]
 * </pre>
 * It prints what one request costs (audit records, gRPC calls, commits) and two runs: a steady
 * {@code rate} per second for {@code seconds} (open loop: latency is measured from when the request
 * was due, so a stalled gateway cannot hide its queue) and a closed loop of {@code clients}
 * concurrent callers for the saturation throughput. Everything runs in one JVM on the same machine
 * as PostgreSQL, Keycloak and the three services, so numbers are lower bounds of a real deployment.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class PatientViewLoad {

    private static final String SERVICE = "precisionrx-patient-view";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    private final int seconds = Integer.getInteger("prx.perf.seconds", 20);
    private final int rate = Integer.getInteger("prx.perf.rate", 100);
    private final int clients = Integer.getInteger("prx.perf.clients", 16);
    private final int warmup = Integer.getInteger("prx.perf.warmup", 300);

    @Test
    void patientView() throws Exception {
        List<String> fhirIds = Fixtures.patients().fhirIds().subList(0, 3);
        for (int i = 0; i < warmup; i++) {
            assertThat(send(fhirIds.get(i % 3), "warmup-" + i).status).isEqualTo(200);
        }
        perRequestCost(fhirIds.get(0));
        Result steady = steady(fhirIds);
        System.out.printf("%nsteady %d req/s for %d s: %s%n", rate, seconds, steady);
        Result saturated = saturated(fhirIds);
        System.out.printf("closed loop, %d clients for %d s: %s%n%n", clients, seconds, saturated);
    }

    /** What one request does: its audit records by action and the database commits it causes. */
    private void perRequestCost(String fhirId) throws Exception {
        int n = 50;
        long commitsBefore = commits();
        for (int i = 0; i < n; i++) {
            send(fhirId, "cost-" + i);
        }
        long commits = commits() - commitsBefore;
        Map<String, Integer> actions = new TreeMap<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT action, count(*) FROM audit_event WHERE request_id LIKE 'cost-%' GROUP BY action")) {
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    actions.put(rows.getString(1), rows.getInt(2) / n);
                }
            }
        }
        System.out.printf("%nper patient-view: audit records by action %s; database commits %.1f%n", actions,
                commits / (double) n);
    }

    private Result steady(List<String> fhirIds) throws Exception {
        int total = rate * seconds;
        List<String> tokens = tokens(total);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        List<Future<Sample>> samples = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            int index = i;
            samples.add(pool.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Sample s = send(fhirIds.get(index % 3), "steady-" + index, tokens.get(index));
                return new Sample(s.status, System.nanoTime() - due);
            }));
        }
        List<Sample> done = new ArrayList<>();
        for (Future<Sample> sample : samples) {
            done.add(sample.get());
        }
        pool.shutdown();
        return Result.of(done).over(Duration.ofNanos(System.nanoTime() - start));
    }

    private Result saturated(List<String> fhirIds) throws Exception {
        // Enough for 1,000 req/s, well above the 300 req/s target; signing more would take minutes.
        List<String> tokens = tokens(1000 * seconds);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<List<Sample>>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                List<Sample> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    int i = next.getAndIncrement();
                    if (i >= tokens.size()) {
                        break;
                    }
                    mine.add(send(fhirIds.get(i % 3), "sat-" + i, tokens.get(i)));
                }
                return mine;
            }));
        }
        List<Sample> all = new ArrayList<>();
        for (Future<List<Sample>> w : workers) {
            all.addAll(w.get());
        }
        pool.shutdown();
        return Result.of(all).over(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Signed ahead, so that the client's ES384 signing is not part of what is measured. */
    private static List<String> tokens(int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(TestEhr.get().token(HookRequests.BASE + SERVICE));
        }
        return tokens;
    }

    private static Sample send(String fhirId, String requestId) throws Exception {
        return send(fhirId, requestId, TestEhr.get().token(HookRequests.BASE + SERVICE));
    }

    private static Sample send(String fhirId, String requestId, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(HookRequests.BASE + SERVICE))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("X-Request-Id", requestId + "-" + REQUESTS.incrementAndGet())
                .POST(HttpRequest.BodyPublishers.ofString(HookRequests.body(SERVICE, fhirId, null, 5)))
                .timeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        int status;
        try {
            status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0; // no answer (timeout, connection refused): an error like any non-200
        }
        return new Sample(status, System.nanoTime() - started);
    }

    private static long commits() throws SQLException {
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            // Statistics are sent at transaction end and may lag: wait for them to settle.
            c.createStatement().execute("SELECT pg_stat_force_next_flush()");
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        TestDatabase db = GatewaySuite.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private record Sample(int status, long nanos) {
    }

    private record Result(int requests, int errors, double p50, double p99, double max, double perSecond) {

        static Result of(List<Sample> samples) {
            double[] ms = samples.stream().mapToDouble(s -> s.nanos / 1e6).sorted().toArray();
            int errors = (int) samples.stream().filter(s -> s.status != 200).count();
            return new Result(ms.length, errors, at(ms, 0.50), at(ms, 0.99), ms.length == 0 ? 0 : ms[ms.length - 1], 0);
        }

        Result over(Duration elapsed) {
            return new Result(requests, errors, p50, p99, max, requests / (elapsed.toNanos() / 1e9));
        }

        private static double at(double[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }

        @Override
        public String toString() {
            return String.format("%d requests, %d errors, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f req/s",
                    requests, errors, p50, p99, max, perSecond);
        }
    }
}
