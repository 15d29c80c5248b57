package org.precisionrx.gateway.input;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.precisionrx.gateway.problem.ProblemException;

/**
 * Refuses a request body above its endpoint's size with 413 before a byte of it is read: FHIR
 * imports up to 16 MiB, PharmCAT TSV up to 256 KiB, every other API body (small JSON) up to
 * 64 KiB. Bodies sent without a length are bounded by {@code quarkus.http.limits.max-body-size}
 * and by each resource's own checks.
 */
public class BodyLimits {

    public static final long FHIR_IMPORT_BYTES = 16L * 1024 * 1024;
    public static final long PHARMCAT_BYTES = 256L * 1024;
    public static final long API_JSON_BYTES = 64L * 1024;

    private static final Pattern PHARMCAT = Pattern.compile("/api/v1/patients/[^/]+/pharmcat-calls/?");

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        String path = request.getUriInfo().getPath();
        if (length == null || !path.startsWith("/api/")) {
            return;
        }
        long limit = limitFor(path);
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Content-Length", "is not a number");
        }
        if (declared > limit) {
            throw ProblemException.tooLarge("the request body is larger than " + describe(limit) + " for this endpoint");
        }
    }

    static long limitFor(String path) {
        if (path.startsWith("/api/v1/imports/fhir")) {
            return FHIR_IMPORT_BYTES;
        }
        return PHARMCAT.matcher(path).matches() ? PHARMCAT_BYTES : API_JSON_BYTES;
    }

    static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
