package org.precisionrx.gateway.problem;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.precisionrx.gateway.access.DeniedAccesses;
import org.precisionrx.gateway.audit.AuditBusyException;
import org.precisionrx.gateway.access.RejectedTokens;
import org.precisionrx.gateway.audit.AuditUnavailableException;
import org.precisionrx.gateway.caller.RequestIds;
import org.precisionrx.gateway.downstream.DownstreamRejectedException;
import org.precisionrx.gateway.downstream.DownstreamUnavailableException;
import org.precisionrx.gateway.input.JsonErrors;
import org.precisionrx.gateway.links.IdentityProviderUnavailableException;
import org.precisionrx.gateway.links.UnknownUserException;
import org.precisionrx.gateway.problem.Problem.Violation;

/**
 * Every error leaves the gateway as {@code application/problem+json}: no stack traces, no
 * downstream messages that could carry patient data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final RequestIds requestIds;
    private final DeniedAccesses denials;
    private final RejectedTokens rejectedTokens;

    public ProblemMappers(RequestIds requestIds, DeniedAccesses denials, RejectedTokens rejectedTokens) {
        this.requestIds = requestIds;
        this.denials = denials;
        this.rejectedTokens = rejectedTokens;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), e.violations(), uri);
    }

    @ServerExceptionMapper
    public Response auditUnavailable(AuditUnavailableException e, UriInfo uri) {
        Response response = respond(503, "Service unavailable",
                "the access could not be recorded in the audit trail, so it was not carried out; try again shortly",
                List.of(), uri);
        // A full audit queue clears within moments; a database that is away (a restart, a failover)
        // takes a few seconds. Either way the same request succeeds later.
        return Response.fromResponse(response).header("Retry-After", e instanceof AuditBusyException ? "1" : "5").build();
    }

    @ServerExceptionMapper
    public Response downstreamDown(DownstreamUnavailableException e, UriInfo uri) {
        if (e.overloaded()) {
            return tooManyRequests(e.service() + " is busy; try again shortly", uri);
        }
        return Response.fromResponse(respond(503, "Service unavailable", e.service() + " is unavailable; try again shortly",
                List.of(), uri)).header("Retry-After", "5").build();
    }

    /** A dependency is failing: 503. The gateway's own bounded bulkhead is full: 429, the request was not started. */
    @ServerExceptionMapper({ CircuitBreakerOpenException.class, BulkheadException.class })
    public Response shedding(RuntimeException e, UriInfo uri) {
        if (e instanceof BulkheadException) {
            return tooManyRequests("too many concurrent requests; try again shortly", uri);
        }
        return Response.fromResponse(respond(503, "Service unavailable", "a service behind the gateway is failing; try again shortly",
                List.of(), uri)).header("Retry-After", "5").build();
    }

    private Response tooManyRequests(String detail, UriInfo uri) {
        return Response.fromResponse(respond(429, "Too many requests", detail, List.of(), uri))
                .header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response downstreamRejected(DownstreamRejectedException e, UriInfo uri) {
        int status = switch (e.code()) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED -> 409;
            case FAILED_PRECONDITION -> 422;
            default -> 502;
        };
        String detail = status == 502 ? "a service behind the gateway failed" : e.getMessage();
        List<Violation> violations = e.violations().stream()
                .map(v -> new Violation(restField(v.field()), v.message())).toList();
        return respond(status, status == 400 ? "Invalid request" : Response.Status.fromStatusCode(status) == null
                ? "Unprocessable content" : Response.Status.fromStatusCode(status).getReasonPhrase(), detail, violations, uri);
    }

    @ServerExceptionMapper
    public Response identityProviderDown(IdentityProviderUnavailableException e, UriInfo uri) {
        return Response.fromResponse(respond(503, "Service unavailable", "the identity provider is unavailable; try again shortly",
                List.of(), uri)).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response unknownUser(UnknownUserException e, UriInfo uri) {
        return respond(404, "Not found", "no user " + e.username(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        // Role-level denials (e.g. a clinician calling the audit API) are audited here, in one place.
        denials.recordRoleDenial(uri.getPath());
        return respond(403, "Forbidden", "your role does not permit this request", List.of(), uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        rejectedTokens.record(uri.getPath(), headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        return Response.fromResponse(respond(401, "Unauthorized", "a valid bearer token is required", List.of(), uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return respond(400, "Invalid request", field + ": unknown field", List.of(new Violation(field, "unknown field")), uri);
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e, UriInfo uri) {
        String field = path(e);
        String message = "must be a " + e.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return respond(400, "Invalid request", field + ": " + message, List.of(new Violation(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response badShape(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        return respond(400, "Invalid request", field + ": wrong type or shape",
                List.of(new Violation(field, "wrong type or shape")), uri);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        Violation violation = JsonErrors.violation(e);
        return respond(400, "Invalid request", violation.field() + ": " + violation.message(), List.of(violation), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // The JSON reader wraps what the parser refused (duplicate keys, NaN, nesting, bad UTF-8)
        // in a plain 400: say which field and why instead.
        for (Throwable cause = e.getCause(); status == 400 && cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return badJson(json, uri);
            }
        }
        if (status >= 500) {
            LOG.errorf("request failed: %s", e.getClass().getName());
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "this resource cannot produce the requested media type";
            case 413 -> "the request body is too large";
            case 415 -> "unsupported media type; this endpoint reads " + consumed(uri);
            default -> title;
        };
        return respond(status, title, detail, List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        // The class name only: messages of unexpected errors may carry patient data.
        LOG.errorf("unexpected error %s (request %s)", e.getClass().getName(), requestIds.current());
        LOG.debug("unexpected error", e);
        return respond(500, "Internal error", "the gateway could not complete the request", List.of(), uri);
    }

    /** The body types an endpoint reads, so a 415 says what to send instead. */
    static String consumed(UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        if (path.startsWith("/api/v1/imports/fhir")) {
            return "application/fhir+json, application/json or FHIR NDJSON";
        }
        return path.endsWith("/pharmcat-calls") ? "text/tab-separated-values or text/plain" : "application/json";
    }

    /** A service's proto field path as the REST body names it: order.drug_id → drugId. */
    static String restField(String protoField) {
        String field = protoField.replaceFirst("^(order|subject)\\.", "");
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : field.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String path(MismatchedInputException e) {
        StringBuilder field = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        });
        return field.isEmpty() ? "body" : field.toString();
    }

    private Response respond(int status, String title, String detail, List<Violation> violations, UriInfo uri) {
        Problem problem = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(),
                requestIds.current(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem)
                .header(RequestIds.HEADER, requestIds.current()).build();
    }
}
