package org.precisionrx.devtools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Just enough HTTP for the gateway's REST API and CDS services: JSON in and out, bearer tokens. */
public final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A call the gateway refused or failed: the status and its problem+json detail. */
    public static final class GatewayException extends RuntimeException {
        private final int status;

        GatewayException(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public JsonNode post(String path, String bearer, String contentType, String body) {
        HttpResponse<String> response = send(path, bearer, "POST", contentType, body);
        return parse(path, response);
    }

    /** The status of a PUT that answers no body (201, 200 or 204). */
    public int put(String path, String bearer, String jsonBody) {
        return send(path, bearer, "PUT", "application/json", jsonBody == null ? "" : jsonBody).statusCode();
    }

    private HttpResponse<String> send(String path, String bearer, String method, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the gateway at " + baseUrl + " (is the suite up? ./precisionrx status)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() >= 300) {
            throw new GatewayException(method + " " + path + " answered " + response.statusCode() + ": " + problem(response.body()),
                    response.statusCode());
        }
        return response;
    }

    private static JsonNode parse(String path, HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(path + " answered something that is not JSON: " + response.body(), e);
        }
    }

    /** An RFC 9457 problem in one line: title, detail and each field violation. */
    static String problem(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode problem = JSON.readTree(body);
            StringBuilder text = new StringBuilder(problem.path("title").asText(""));
            if (problem.hasNonNull("detail")) {
                text.append(text.length() > 0 ? ": " : "").append(problem.get("detail").asText());
            }
            for (JsonNode violation : problem.path("violations")) {
                text.append("; ").append(violation.path("field").asText()).append(' ').append(violation.path("message").asText());
            }
            return text.length() > 0 ? text.toString() : body;
        } catch (IOException | RuntimeException e) {
            return body;
        }
    }
}
