package org.precisionrx.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    @Test
    void eachEndpointHasItsLimit() {
        assertThat(BodyLimits.limitFor("/api/v1/imports/fhir")).isEqualTo(16L * 1024 * 1024);
        assertThat(BodyLimits.limitFor("/api/v1/patients/abc/pharmcat-calls")).isEqualTo(256L * 1024);
        assertThat(BodyLimits.limitFor("/api/v1/patients/abc/dose-checks")).isEqualTo(64L * 1024);
        assertThat(BodyLimits.limitFor("/api/v1/patients/abc/pharmcat-calls/../dose-checks")).isEqualTo(64L * 1024);
        assertThat(BodyLimits.describe(16L * 1024 * 1024)).isEqualTo("16 MiB");
        assertThat(BodyLimits.describe(64L * 1024)).isEqualTo("64 KiB");
    }
}
