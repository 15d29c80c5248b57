package org.precisionrx.gateway.cdshooks;

import java.net.URI;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.gateway.problem.Validation;

/**
 * A CDS Hooks request body, checked. Read leniently as a tree: the spec lets EHRs add
 * extensions, so unknown fields are not errors here.
 */
public record HookCall(String hook, String hookInstance, String fhirServer, String fhirAccessToken, JsonNode context,
        JsonNode prefetch) {

    static final int MAX_ID = 128;

    public static HookCall parse(JsonNode body, String expectedHook) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("body", "a CDS Hooks request object is required");
        }
        String hook = text(body, "hook");
        String instance = text(body, "hookInstance");
        String fhirServer = text(body, "fhirServer");
        JsonNode context = body.get("context");
        JsonNode authorization = body.get("fhirAuthorization");
        String token = authorization != null && authorization.isObject() ? text(authorization, "access_token") : null;
        new Validation()
                .require(expectedHook.equals(hook), "hook", "must be " + expectedHook + " for this service")
                .require(instance != null && !instance.isBlank() && instance.length() <= MAX_ID, "hookInstance", "is required")
                .require(fhirServer == null || absoluteHttpUrl(fhirServer), "fhirServer", "must be an absolute http(s) URL")
                .require(authorization == null || authorization.isNull() || (token != null && fhirServer != null),
                        "fhirAuthorization", "needs access_token and a fhirServer")
                .require(context != null && context.isObject(), "context", "is required")
                .throwIfInvalid();
        String patientId = text(context, "patientId");
        new Validation()
                .require(patientId != null && patientId.matches("[A-Za-z0-9\\-.]{1,64}"), "context.patientId",
                        "is required: a FHIR id (letters, digits, '-', '.'; at most 64)")
                .throwIfInvalid();
        JsonNode prefetch = body.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            throw ProblemException.badRequest("prefetch", "must be an object of prefetch keys");
        }
        return new HookCall(hook, instance, fhirServer == null ? null : stripSlash(fhirServer), token, context,
                prefetch == null || prefetch.isNull() ? null : prefetch);
    }

    public String patientFhirId() {
        return context.get("patientId").asText();
    }

    /** The prefetched Patient, when the EHR sent one for this patient. */
    public boolean hasPatientPrefetch() {
        JsonNode patient = prefetch == null ? null : prefetch.get("patient");
        return patient != null && "Patient".equals(text(patient, "resourceType"));
    }

    public Iterator<Map.Entry<String, JsonNode>> prefetchEntries() {
        return prefetch == null ? Collections.emptyIterator() : prefetch.fields();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static boolean absoluteHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return value.length() <= 512 && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
