package org.precisionrx.gateway.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.precisionrx.gateway.problem.Problem.Violation;

/** Collects field violations of one request and throws them together as a 400 problem. */
public final class Validation {

    private final List<Violation> violations = new ArrayList<>();

    public Validation require(boolean ok, String field, String message) {
        if (!ok) {
            violations.add(new Violation(field, message));
        }
        return this;
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
    }

    /** Patient ids are the profile service's UUIDs; anything else is rejected before any lookup. */
    public static String patientId(String value, String field) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value).toString();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.badRequest(field, "must be a patient id (UUID)");
    }

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9._@-]{1,64}");

    /** Keycloak usernames are lower case; anything else cannot name a user. */
    public static String username(String value, String field) {
        if (value == null || !USERNAME.matcher(value).matches()) {
            throw ProblemException.badRequest(field, "must be a username (lower-case letters, digits, . _ @ -)");
        }
        return value;
    }
}
