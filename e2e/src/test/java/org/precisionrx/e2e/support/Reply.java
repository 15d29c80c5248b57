package org.precisionrx.e2e.support;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The gateway's answer to one request, with the request id it was sent under. */
public final class Reply {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String requestId;
    private final String request;
    private final HttpResponse<String> response;

    Reply(String requestId, String request, HttpResponse<String> response) {
        this.requestId = requestId;
        this.request = request;
        this.response = response;
    }

    public String requestId() {
        return requestId;
    }

    public int status() {
        return response.statusCode();
    }

    public String body() {
        return response.body();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(this + " is not JSON", e);
        }
    }

    /** Fails with the request, status and body when the status is not the expected one. */
    public Reply expect(int status) {
        if (status() != status) {
            throw new AssertionError("expected " + status + " from " + this);
        }
        return this;
    }

    /** For assertion messages: the request, its id, the status and the start of the body. */
    @Override
    public String toString() {
        String text = body() == null ? "" : body();
        return request + " [" + requestId + "] -> " + status() + " " + (text.length() > 1500 ? text.substring(0, 1500) + "..." : text);
    }
}
