package org.precisionrx.gateway.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.cdshooks.CdsServiceCatalog.CdsService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CdsServiceCatalogTest {

    // CDS Hooks 2.0.1: a token names a context field (or one of the user ids); no FHIRPath functions.
    private static final Pattern TOKEN = Pattern.compile("\\{\\{([^}]*)}}");
    private static final Pattern ALLOWED_TOKEN =
            Pattern.compile("context\\.[A-Za-z]+|userPractitionerId|userPractitionerRoleId|userPatientId|userRelatedPersonId");

    @Test
    void listsTheFourHooks() {
        assertThat(CdsServiceCatalog.services()).extracting(CdsService::id, CdsService::hook).containsExactly(
                org.assertj.core.groups.Tuple.tuple("precisionrx-patient-view", "patient-view"),
                org.assertj.core.groups.Tuple.tuple("precisionrx-order-select", "order-select"),
                org.assertj.core.groups.Tuple.tuple("precisionrx-order-sign", "order-sign"),
                org.assertj.core.groups.Tuple.tuple("precisionrx-medication-verify", "medication-verify"));
    }

    @Test
    void everyServiceDescribesItself() {
        assertThat(CdsServiceCatalog.services()).allSatisfy(service -> {
            assertThat(service.title()).isNotBlank();
            assertThat(service.description()).isNotBlank();
            assertThat(service.usageRequirements()).isNotBlank();
        });
    }

    @Test
    void prefetchTemplatesAskForPatientMedicationsConditionsAndObservations() {
        assertThat(CdsServiceCatalog.find("precisionrx-order-sign").orElseThrow().prefetch())
                .containsEntry("patient", "Patient/{{context.patientId}}")
                .containsEntry("medications", "MedicationRequest?patient={{context.patientId}}&status=active")
                .containsEntry("conditions", "Condition?patient={{context.patientId}}&clinical-status=active")
                .containsKey("observations");
    }

    @Test
    void prefetchTokensAreOnesCdsHooks2Defines() {
        CdsServiceCatalog.services().forEach(service -> service.prefetch().values().forEach(template -> {
            Matcher tokens = TOKEN.matcher(template);
            int count = 0;
            while (tokens.find()) {
                count++;
                assertThat(tokens.group(1)).as(template).matches(ALLOWED_TOKEN);
            }
            assertThat(count).as(template).isPositive();
            assertThat(template.replaceAll("\\{\\{[^}]*}}", "")).as(template).doesNotContain("{", "}");
        }));
    }

    @Test
    void prefetchSearchesUseOnlyPatientTokenSortAndCountParameters() {
        CdsServiceCatalog.services().forEach(service -> service.prefetch().values().stream()
                .filter(t -> t.contains("?"))
                .flatMap(t -> java.util.Arrays.stream(t.substring(t.indexOf('?') + 1).split("&")))
                .forEach(parameter -> assertThat(parameter.substring(0, parameter.indexOf('=')))
                        .isIn("patient", "status", "clinical-status", "category", "_sort", "_count")));
    }

    @Test
    void looksServicesUpById() {
        assertThat(CdsServiceCatalog.find("precisionrx-medication-verify")).get()
                .extracting(CdsService::hook).isEqualTo("medication-verify");
        assertThat(CdsServiceCatalog.find("no-such-service")).isEmpty();
    }

    @Test
    void discoveryDocumentHasTheSpecShape() {
        JsonNode tree = new ObjectMapper().valueToTree(CdsServiceCatalog.discovery());

        assertThat(tree.get("services")).hasSize(4);
        JsonNode first = tree.get("services").get(0);
        assertThat(first.properties()).extracting(e -> e.getKey())
                .containsExactly("id", "hook", "title", "description", "usageRequirements", "prefetch");
        assertThat(first.get("prefetch").get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
    }
}
