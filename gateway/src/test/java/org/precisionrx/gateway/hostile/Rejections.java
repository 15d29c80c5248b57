package org.precisionrx.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.restassured.response.Response;

/** What every refused hostile request must look like: a 4xx problem that names what was wrong. */
final class Rejections {

    private Rejections() {
    }

    /** Status, problem+json, no stack trace, and {@code field} among the violations and in the detail. */
    static void assertRejected(Response response, int status, String field) {
        assertProblem(response, status);
        List<String> fields = response.jsonPath().getList("violations.field");
        assertThat(fields).as("violations of %s", response.asString()).contains(field);
        assertThat(response.jsonPath().getString("detail")).contains(field);
    }

    /** Status and a problem+json body with a detail, nothing more specific. */
    static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
