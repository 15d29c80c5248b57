package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditRecordTest {

    @Test
    void requiresWhoWhatAndOutcome() {
        assertThatThrownBy(() -> record(null, "user", "p-1", null)).hasMessageContaining("requestId");
        assertThatThrownBy(() -> new AuditRecord("r", null, "clinician", "web", null, "a", null, null,
                AuditOutcome.SUCCESS, false, null)).hasMessageContaining("subject");
        assertThatThrownBy(() -> new AuditRecord("r", "u", null, "web", null, "a", null, null,
                AuditOutcome.SUCCESS, false, null)).hasMessageContaining("role");
        assertThatThrownBy(() -> new AuditRecord("r", "u", "clinician", null, null, "a", null, null,
                AuditOutcome.SUCCESS, false, null)).hasMessageContaining("clientId");
        assertThatThrownBy(() -> new AuditRecord("r", "u", "clinician", "web", null, null, null, null,
                AuditOutcome.SUCCESS, false, null)).hasMessageContaining("action");
        assertThatThrownBy(() -> new AuditRecord("r", "u", "clinician", "web", null, "a", null, null,
                null, false, null)).hasMessageContaining("outcome");
        assertThatCode(() -> record("r", "u", null, null)).doesNotThrowAnyException();
    }

    @Test
    void refusesBlankInsteadOfNull() {
        assertThatThrownBy(() -> record("r", "u", " ", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patientId");
    }

    @Test
    void refusesTextPostgresOrTheHashWouldGarble() {
        assertThatThrownBy(() -> record("r", "u", "p-1", "a\0b")).hasMessageContaining("detail");
        assertThatThrownBy(() -> record("r", "u", "p-1", "lone \uD800 surrogate")).hasMessageContaining("detail");
    }

    @Test
    void capsFreeTextWithoutEchoingIt() {
        String secret = "patient-secret-" + "x".repeat(AuditRecord.MAX_TEXT_LENGTH);
        assertThatThrownBy(() -> record("r", "u", "p-1", secret))
                .isInstanceOf(IllegalArgumentException.class)
                .message().contains("detail").doesNotContain("patient-secret");
        assertThatCode(() -> record("r", "u", "p-1", "x".repeat(AuditRecord.MAX_TEXT_LENGTH)))
                .doesNotThrowAnyException();
    }

    private static AuditRecord record(String requestId, String subject, String patientId, String detail) {
        return new AuditRecord(requestId, subject, "clinician", "precisionrx-web", patientId, "profile.read",
                "TREAT", null, AuditOutcome.SUCCESS, false, detail);
    }

    @Test
    void keepsOptionalFieldsAsGiven() {
        AuditRecord r = record("r", "u", null, null);
        assertThat(r.patientId()).isNull();
        assertThat(r.detail()).isNull();
    }
}
