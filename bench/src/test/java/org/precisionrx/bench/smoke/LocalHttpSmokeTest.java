package org.precisionrx.bench.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.precisionrx.bench.http.HttpSender;
import org.precisionrx.bench.http.HttpSender.Request;
import org.precisionrx.bench.load.OpenLoopGenerator;
import org.precisionrx.bench.load.Outcome;
import org.precisionrx.bench.load.RunResult;
import org.precisionrx.bench.load.Schedule;

/** The generator and its HTTP sender against a tiny local HTTP server (no suite needed). */
class LocalHttpSmokeTest {

    static final int PORT = 18601;
    static final AtomicInteger AUTHORIZED_POSTS = new AtomicInteger();
    static HttpServer server;
    static ExecutorService pool;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 100);
        pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/check", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean authorized = "Bearer t-1".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && "POST".equals(exchange.getRequestMethod()) && new String(body, StandardCharsets.UTF_8).equals("{\"drugId\":\"x\"}");
            if (authorized) {
                AUTHORIZED_POSTS.incrementAndGet();
            }
            byte[] answer = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? 200 : 401, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    @Test
    void sendsAtTheRateAndCountsAnswers() {
        OpenLoopGenerator generator = new OpenLoopGenerator(1_000, Duration.ofSeconds(5));
        URI uri = URI.create("http://127.0.0.1:" + PORT + "/check");
        try (HttpSender http = new HttpSender(Duration.ofSeconds(5))) {
            RunResult good = generator.run(new Schedule(200, Duration.ofSeconds(1)), http.repeating(new Request(uri, "t-1", "{\"drugId\":\"x\"}")));
            RunResult refused = generator.run(new Schedule(100, Duration.ofMillis(500)), http.repeating(new Request(uri, "wrong", "{}")));

            assertThat(good.sent()).isEqualTo(200);
            assertThat(good.ok()).isEqualTo(200);
            assertThat(good.errors()).isEmpty();
            assertThat(AUTHORIZED_POSTS.get()).isEqualTo(200);
            assertThat(good.latency().getTotalCount()).isEqualTo(200);
            assertThat(good.latencyMillis(50)).isPositive();
            assertThat(refused.ok()).isZero();
            assertThat(refused.errors()).containsOnly(entry("HTTP 401", 50L));
            assertThat(refused.errorSamples()).containsOnly(entry("HTTP 401", "{\"status\":\"ok\"}"));
        }
    }

    @Test
    void aSuccessCheckReadsSuccessfulBodies() {
        OpenLoopGenerator generator = new OpenLoopGenerator(1_000, Duration.ofSeconds(5));
        URI uri = URI.create("http://127.0.0.1:" + PORT + "/check");
        try (HttpSender http = new HttpSender(Duration.ofSeconds(5))) {
            Request[] requests = { new Request(uri, "t-1", "{\"drugId\":\"x\"}"), new Request(uri, "t-1", "{\"drugId\":\"x\"}") };
            RunResult judged = generator.run(new Schedule(20, Duration.ofMillis(100)),
                    http.each(requests, body -> Outcome.error("judged", body)));

            assertThat(judged.ok()).isZero();
            assertThat(judged.errors()).containsOnly(entry("judged", 2L));
            assertThat(judged.errorSamples()).containsOnly(entry("judged", "{\"status\":\"ok\"}"));
        }
    }
}
