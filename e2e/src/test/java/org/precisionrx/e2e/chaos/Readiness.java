package org.precisionrx.e2e.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A service's {@code /q/health/ready} as an orchestrator polls it. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    /** The status of the readiness endpoint on {@code port}: 200 (UP), 503 (DOWN), or -1 (no answer). */
    static int status(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Polls until the endpoint answers {@code status}; returns when it did, or null if it did not within {@code within}. */
    static Instant await(int port, int status, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (status(port) == status) {
                return Instant.now();
            }
            Timing.pause(Duration.ofMillis(250));
        }
        return null;
    }
}
