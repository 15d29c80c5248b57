package org.precisionrx.gateway.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.precisionrx.dosage.terminology.DrugCatalog;
import org.precisionrx.gateway.cdshooks.card.OrderCards;
import org.precisionrx.gateway.cdshooks.order.DefaultDrugCatalog;
import org.precisionrx.gateway.cdshooks.order.DraftOrder;
import org.precisionrx.gateway.cdshooks.order.DraftOrders;
import org.precisionrx.gateway.problem.ProblemException;

/**
 * Property of a CDS Hooks service call body, for any bytes: it is either refused with a 4xx
 * {@link ProblemException} naming the field (the gateway's problem+json answer), or it becomes a
 * {@link HookCall} that meets every rule {@link HookCall#parse} promises (the service's hook, a bounded
 * hookInstance, a FHIR-id patientId, an absolute http(s) fhirServer, a prefetch
 * object or none); and what the gateway then reads from that call (the prefetched resources, the draft
 * orders and their "cannot check" cards) is read without an exception.
 *
 * <p>JSON decoding is Jackson's, as in the resource method: text that is not JSON never reaches HookCall
 * (RESTEasy answers 400), and an empty body arrives as null. Inputs: the first byte picks the service from
 * {@link CdsServiceCatalog#services()}, the rest is the body. The DB- and gRPC-backed steps after this
 * (patient import, dose checks) are covered by CdsHooksTest, not fuzzed.
 */
class HookCallFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<CdsServiceCatalog.CdsService> SERVICES = CdsServiceCatalog.services();
    /** Loaded here, not in the first timed input: the formulary's name patterns take a while to compile. */
    private static final DrugCatalog CATALOG = DefaultDrugCatalog.get();

    @FuzzTest(maxDuration = "3m")
    void decodesOrRejects(byte[] input) {
        CdsServiceCatalog.CdsService service = SERVICES.get(input.length == 0 ? 0 : (input[0] & 0xff) % SERVICES.size());
        String text = input.length == 0 ? "" : new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        JsonNode body;
        try {
            body = text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return;
        }

        HookCall call;
        try {
            call = HookCall.parse(body, service.hook());
        } catch (ProblemException refused) {
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertValid(call, service.hook());
        call.hasPatientPrefetch();
        assertThat(HookPatients.prefetched(call)).allSatisfy(resource -> assertThat(resource.isNull()).isFalse());
        if (!service.hook().equals("patient-view")) {
            List<DraftOrder> orders = DraftOrders.parse(call.context(), CATALOG);
            DraftOrders.selected(orders, DraftOrders.selections(call.context()));
            orders.stream().filter(order -> !order.checkable()).forEach(OrderCards::unreadable);
        }
    }

    private static void assertValid(HookCall call, String hook) {
        assertThat(call.hook()).isEqualTo(hook);
        assertThat(call.hookInstance()).isNotBlank().hasSizeLessThanOrEqualTo(HookCall.MAX_ID);
        assertThat(call.context().isObject()).isTrue();
        assertThat(call.patientFhirId()).matches("[A-Za-z0-9\\-.]{1,64}");
        assertThat(call.prefetch() == null || call.prefetch().isObject()).isTrue();
        if (call.fhirServer() != null) {
            URI server = URI.create(call.fhirServer());
            assertThat(server.getScheme()).isIn("http", "https");
            assertThat(server.getHost()).isNotNull();
        }
        if (call.fhirAccessToken() != null) {
            assertThat(call.fhirServer()).isNotNull();
        }
    }
}
