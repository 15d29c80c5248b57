package org.precisionrx.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.precisionrx.bench.load.Outcome;
import org.precisionrx.bench.load.Target;

/**
 * POSTs JSON with the JDK's asynchronous HTTP client (one client, so connections are reused across
 * runs): a 2xx answer is a success, anything else an error named by its status. Where a 2xx answer
 * can still mean the work was not done (CDS Hooks' warning cards), a {@link SuccessCheck} reads its
 * body and may call it an error; without one, successful bodies are not even read. Requests are
 * built before the timed run ({@link Request}), so building them costs nothing while it runs.
 */
public final class HttpSender implements AutoCloseable {

    /** One request's URI, bearer token (or null) and JSON body. */
    public record Request(URI uri, String bearer, String body) {
    }

    /** What a 2xx answer's body means: {@link Outcome#OK}, or an error of the target's own kind. */
    @FunctionalInterface
    public interface SuccessCheck {
        Outcome check(String body);
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "bench-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout;

    public HttpSender(Duration timeout) {
        this.timeout = timeout;
    }

    /** Request {@code i} of the run is {@code requests[i]}: one pre-signed token each. */
    public Target each(Request[] requests) {
        return each(requests, null);
    }

    /** As {@link #each(Request[])}, with each 2xx answer's body judged by {@code check} (null: every 2xx is a success). */
    public Target each(Request[] requests, SuccessCheck check) {
        return sequence -> send(requests[(int) sequence], check);
    }

    /** The same request every time (a bearer token that may be reused, e.g. a user's access token). */
    public Target repeating(Request request) {
        return sequence -> send(request);
    }

    public CompletionStage<Outcome> send(Request request) {
        return send(request, null);
    }

    public CompletionStage<Outcome> send(Request request, SuccessCheck check) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.bearer() != null) {
            builder.header("Authorization", "Bearer " + request.bearer());
        }
        return client.sendAsync(builder.build(), check == null ? BODY_OF_ERRORS : HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> failure != null ? Outcome.error(describe(failure))
                        : outcome(response.statusCode(), response.body(), check));
    }

    /** Without a check, successful answers are read and dropped; an error's body is kept for the report (its problem+json detail). */
    private static final HttpResponse.BodyHandler<String> BODY_OF_ERRORS = info -> ok(info.statusCode())
            ? HttpResponse.BodySubscribers.replacing(null) : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);

    /** How an answer counts: a 2xx is a success unless {@code check} (if any) says otherwise; else an error named by its status. */
    public static Outcome outcome(int status, String body, SuccessCheck check) {
        if (ok(status)) {
            return check == null ? Outcome.OK : check.check(body);
        }
        String detail = body == null || body.isBlank() ? null : body.length() > 300 ? body.substring(0, 300) + "…" : body;
        return Outcome.error("HTTP " + status, detail);
    }

    private static boolean ok(int status) {
        return status >= 200 && status < 300;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
