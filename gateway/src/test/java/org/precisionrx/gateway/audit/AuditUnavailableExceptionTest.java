package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class AuditUnavailableExceptionTest {

    @Test
    void namesClassesAndSqlStatesButNoDriverMessage() {
        SQLException driver = new SQLException(
                "ERROR: new row violates check constraint. Failing row contains (7, patient-4711, ...)", "23514");
        AuditUnavailableException e = AuditUnavailableException.because(new RuntimeException("wrapped: " + driver,
                driver));

        assertThat(e.getMessage())
                .contains("java.lang.RuntimeException", "java.sql.SQLException", "SQLState 23514")
                .doesNotContain("patient-4711");
        assertThat(e.getCause()).isNull();
    }
}
