package org.precisionrx.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One access to patient data, as the gateway reports it to the audit trail.
 *
 * <p>Required: request id, subject, role, client id, action and outcome. Optional: patient id,
 * purpose (an HL7 v3 PurposeOfUse code such as {@code TREAT}, or {@code ETREAT} for break-glass),
 * reason (the break-glass or denial reason) and detail (short, never clinical data). Strings are
 * stored and hashed exactly as given, so they must be valid Unicode without NUL characters (which
 * PostgreSQL cannot store); free text is capped so a record stays small.
 */
public record AuditRecord(String requestId, String subject, String role, String clientId, String patientId,
        String action, String purpose, String reason, AuditOutcome outcome, boolean emergency, String detail) {

    public static final int MAX_TEXT_LENGTH = 1000;
    public static final int MAX_NAME_LENGTH = 255;

    public AuditRecord {
        required("requestId", requestId);
        required("subject", subject);
        required("role", role);
        required("clientId", clientId);
        optional("patientId", patientId, MAX_NAME_LENGTH);
        required("action", action);
        optional("purpose", purpose, MAX_NAME_LENGTH);
        optional("reason", reason, MAX_TEXT_LENGTH);
        Objects.requireNonNull(outcome, "outcome is required");
        optional("detail", detail, MAX_TEXT_LENGTH);
    }

    private static void required(String field, String value) {
        Objects.requireNonNull(value, () -> field + " is required");
        optional(field, value, MAX_NAME_LENGTH);
    }

    // Messages name the field only: values may identify a patient and end up in logs.
    private static void optional(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank (use null for none)");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        if (value.indexOf('\0') >= 0 || !StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
            throw new IllegalArgumentException(field + " must be valid Unicode without NUL characters");
        }
    }
}
