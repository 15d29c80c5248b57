package org.precisionrx.gateway.caller;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The id that ties a request's audit records together. A caller may send {@code X-Request-Id}
 * (e.g. an EHR correlating its own logs); anything not a plain token is replaced, never trusted
 * into the audit log as is.
 */
@RequestScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private String current;

    public String current() {
        if (current == null) {
            current = UUID.randomUUID().toString();
        }
        return current;
    }

    void accept(String fromCaller) {
        current = fromCaller != null && SAFE.matcher(fromCaller).matches() ? fromCaller : UUID.randomUUID().toString();
    }

    /** Filters that read the caller's id before anything else and echo it on every response. */
    public static class Filters {

        private final RequestIds ids;

        public Filters(RequestIds ids) {
            this.ids = ids;
        }

        @ServerRequestFilter(preMatching = true)
        public void read(ContainerRequestContext request) {
            ids.accept(request.getHeaderString(HEADER));
        }

        @ServerResponseFilter
        public void echo(ContainerResponseContext response) {
            response.getHeaders().putSingle(HEADER, ids.current());
        }
    }
}
