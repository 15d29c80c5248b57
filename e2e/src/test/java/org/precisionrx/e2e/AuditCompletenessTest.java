package org.precisionrx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.precisionrx.e2e.support.AuditTable;
import org.precisionrx.e2e.support.EndToEnd;
import org.precisionrx.e2e.support.GatewayClient.Exchange;
import org.precisionrx.e2e.support.Reply;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.Users;

/**
 * Runs last and looks back over the whole run: every request any flow sent has the gateway's own
 * audit record under its request id, and the hash chain over all of them verifies.
 */
@EndToEnd
@Order(100)
class AuditCompletenessTest {

    private final RunningSystem system;
    private final AuditTable audit;

    AuditCompletenessTest(RunningSystem system) {
        this.system = system;
        this.audit = new AuditTable(system);
    }

    @Test
    void everyRequestOfTheRunWasAudited() {
        List<Exchange> sent = system.gateway().exchanges().stream().filter(AuditCompletenessTest::isAudited).toList();
        assertThat(sent).as("requests made by this run").isNotEmpty();
        Set<String> audited = audit.requestIdsWithDecisions();
        assertThat(sent).filteredOn(e -> !audited.contains(e.requestId())).as("requests without an audit record").isEmpty();
    }

    @Test
    void theAuditChainVerifies() {
        long auditedSoFar = system.gateway().exchanges().stream().filter(AuditCompletenessTest::isAudited).count();
        Reply reply = system.gateway().get("/api/v1/audit/verify").bearer(system.users().token(Users.AUDITOR)).send().expect(200);
        JsonNode report = reply.json();
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("checked").asLong()).as("records checked").isGreaterThanOrEqualTo(auditedSoFar);
        assertThat(audit.decisionOf(reply.requestId()).outcome()).isEqualTo("SUCCESS");
    }

    /** CDS Hooks discovery is public and about no one: the one kind of request that is not audited. */
    private static boolean isAudited(Exchange exchange) {
        return !(exchange.method().equals("GET") && exchange.path().equals("/cds-services"));
    }
}
