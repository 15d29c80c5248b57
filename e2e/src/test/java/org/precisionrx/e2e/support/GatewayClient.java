package org.precisionrx.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP to the gateway, as any client would call it. Every request carries a fresh
 * {@code X-Request-Id}, and every exchange is remembered, so the audit check can look up each
 * request the run made.
 */
public final class GatewayClient {

    /** One request the run sent and the status it got. */
    public record Exchange(String requestId, String method, String path, int status) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Exchange> exchanges = new ArrayList<>();

    GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request post(String path) {
        return new Request("POST", path);
    }

    public Request put(String path) {
        return new Request("PUT", path);
    }

    /** Everything sent so far, in order. */
    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private synchronized void remember(Exchange exchange) {
        exchanges.add(exchange);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** A Keycloak access token, or an EHR's CDS Hooks JWT. */
        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request json(String json) {
            return body("application/json", json);
        }

        public Request body(String contentType, String content) {
            headers.put("Content-Type", contentType);
            this.body = content;
            return this;
        }

        public Reply send() {
            String requestId = "e2e-" + UUID.randomUUID();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                    .header("X-Request-Id", requestId)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                remember(new Exchange(requestId, method, path, response.statusCode()));
                return new Reply(requestId, method + " " + path, response);
            } catch (IOException e) {
                remember(new Exchange(requestId, method, path, -1));
                throw new IllegalStateException(method + " " + path + " (" + requestId + ") got no answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + method + " " + path, e);
            }
        }
    }
}
