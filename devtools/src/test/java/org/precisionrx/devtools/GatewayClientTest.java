package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayClientTest {

    @Test
    void aProblemReadsAsOneLineWithEachViolation() {
        String problem = """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"the request is invalid",
                 "violations":[{"field":"amount","message":"is required and must be a positive number"},
                               {"field":"frequency","message":"is required"}]}
                """;

        assertThat(GatewayClient.problem(problem)).isEqualTo(
                "Bad Request: the request is invalid; amount is required and must be a positive number; frequency is required");
    }

    @Test
    void anythingElseIsShownAsItCame() {
        assertThat(GatewayClient.problem("upstream connect error")).isEqualTo("upstream connect error");
        assertThat(GatewayClient.problem("")).isEqualTo("(no body)");
    }
}
