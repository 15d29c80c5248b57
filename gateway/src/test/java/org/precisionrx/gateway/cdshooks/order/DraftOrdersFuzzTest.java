package org.precisionrx.gateway.cdshooks.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.precisionrx.dosage.v1.Frequency;
import org.precisionrx.dosage.v1.ProposedOrder;
import org.precisionrx.dosage.terminology.DrugCatalog;
import org.precisionrx.gateway.cdshooks.card.OrderCards;

/**
 * Property: any hook context (or MedicationRequest, or Bundle of them) gives, for each MedicationRequest,
 * either an {@link UncheckableOrder}-style reason in words, or a checkable order whose every field is one the
 * dose service understands: a formulary drug, a finite positive amount in mg, mcg or g, a known frequency
 * read from whole numbers, and a known route or none. Never an exception, and never a checkable order with
 * a reason or an unreadable one without.
 *
 * <p>Regression inputs: {@code DraftOrdersFuzzTestInputs/readsOrExplains/}, raw JSON.
 */
class DraftOrdersFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Loaded here, not in the first timed input: the formulary's name patterns take a while to compile. */
    private static final DrugCatalog CATALOG = DefaultDrugCatalog.get();
    private static final List<String> UNITS = List.of("mg", "mcg", "g");
    private static final List<String> ROUTES = List.of("", "oral", "intravenous", "intramuscular", "subcutaneous",
            "sublingual", "buccal", "transdermal", "rectal");

    @FuzzTest(maxDuration = "3m")
    void readsOrExplains(byte[] input) {
        JsonNode context;
        try {
            context = JSON.readTree(new String(input, StandardCharsets.UTF_8));
        } catch (JsonProcessingException notJson) {
            return;
        }

        List<DraftOrder> orders = DraftOrders.parse(context, CATALOG);
        DraftOrders.selected(orders, DraftOrders.selections(context));

        for (DraftOrder order : orders) {
            assertThat(order.medicationName()).isNotBlank();
            if (!order.checkable()) {
                assertThat(order.problem()).isNotBlank();
                OrderCards.unreadable(order);
                continue;
            }
            assertThat(order.problem()).isNull();
            ProposedOrder proposed = order.order();
            assertThat(proposed.getDrugId()).isNotBlank().isEqualTo(order.drugId());
            assertThat(proposed.getAmount()).isFinite().isPositive();
            assertThat(proposed.getUnit()).isIn(UNITS);
            assertThat(proposed.getFrequency()).isNotIn(Frequency.FREQUENCY_UNSPECIFIED, Frequency.UNRECOGNIZED);
            assertThat(proposed.getRoute()).isIn(ROUTES);
            JsonNode repeat = order.resource().path("dosageInstruction").path(0).path("timing").path("repeat");
            if (repeat.has("frequency")) {
                assertThat(repeat.get("frequency").isIntegralNumber() && repeat.get("frequency").canConvertToInt())
                        .as("frequency %s is a whole number", repeat.get("frequency")).isTrue();
            }
        }
    }
}
