package org.precisionrx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionrx.e2e.support.Admin;
import org.precisionrx.e2e.support.CdsHooks;
import org.precisionrx.e2e.support.DemoPatients;
import org.precisionrx.e2e.support.DemoPatients.DemoPatient;
import org.precisionrx.e2e.support.EndToEnd;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.simulator.Indication;

/**
 * An EHR's day with one ACS patient who is a CYP2C19 poor metabolizer: discovery, patient-view,
 * then order-select and order-sign with drafts that break a rule, and the card's suggestion
 * taken, after which order-sign has nothing left to warn about.
 */
@EndToEnd
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EhrFlowTest {

    static final String FHIR_ID = "e2e-ehr-acs-1";
    static final String CLOPIDOGREL = "32968";
    static final String TICAGRELOR = "1116632";

    private final RunningSystem system;
    private final CdsHooks ehr;

    EhrFlowTest(RunningSystem system) {
        this.system = system;
        this.ehr = new CdsHooks(system);
    }

    @BeforeAll
    void theEhrsPatientIsKnown() {
        DemoPatient patient = DemoPatients.pick(Indication.ACS_PCI, 6101, FHIR_ID, DemoPatients.PLAIN)
                .withGenotype("CYP2C19", "*2/*2");
        new Admin(system).importFhir(ehr.fhirServer(), patient.bundle());
    }

    @Test
    void discoveryListsTheServices() {
        JsonNode discovery = ehr.discovery().expect(200).json();
        List<String> ids = new ArrayList<>();
        discovery.path("services").forEach(s -> ids.add(s.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder(CdsHooks.PATIENT_VIEW, CdsHooks.ORDER_SELECT, CdsHooks.ORDER_SIGN,
                CdsHooks.MEDICATION_VERIFY);
    }

    @Test
    void patientViewRanksTheAntiplatelets() {
        JsonNode cards = ehr.call(CdsHooks.PATIENT_VIEW, CdsHooks.patientView(FHIR_ID)).expect(200).json().path("cards");
        assertThat(cards.size()).as(cards.toString()).isPositive();
        assertThat(summaries(cards)).anyMatch(s -> s.contains("ACS"));
    }

    @Test
    void orderSelectWarnsAboutClopidogrelAsSoonAsItIsPicked() {
        JsonNode draft = CdsHooks.draftOrder("clopidogrel-1", FHIR_ID, CLOPIDOGREL, "clopidogrel", 75, 1);
        JsonNode cards = ehr.call(CdsHooks.ORDER_SELECT,
                CdsHooks.orderSelect(FHIR_ID, List.of(draft), List.of("MedicationRequest/clopidogrel-1")))
                .expect(200).json().path("cards");
        JsonNode critical = only(cards, "critical");
        assertThat(critical.path("summary").asText()).startsWith("Clopidogrel should be avoided");
        assertThat(critical.path("detail").asText()).contains("CYP2C19");
    }

    @Test
    void orderSignAcceptsClopidogrelsReplacementOnceTheSuggestionIsTaken() {
        List<JsonNode> drafts = List.of(CdsHooks.draftOrder("clopidogrel-2", FHIR_ID, CLOPIDOGREL, "clopidogrel", 75, 1));
        JsonNode critical = only(sign(drafts), "critical");
        JsonNode replace = critical.path("suggestions").path(0);
        assertThat(replace.path("label").asText()).as(critical.toString()).startsWith("Replace clopidogrel with");

        List<JsonNode> replaced = CdsHooks.apply(drafts, replace);
        assertThat(replaced).hasSize(1);
        assertThat(replaced.get(0).path("medicationCodeableConcept").path("text").asText()).isIn("prasugrel", "ticagrelor");
        assertThat(indicators(sign(replaced))).doesNotContain("warning", "critical");
    }

    @Test
    void orderSignAcceptsAnOverdoseOnceTheDoseChangeIsTaken() {
        // Ticagrelor after ACS is 90 mg twice daily; 180 mg twice daily is double the daily dose.
        List<JsonNode> drafts = List.of(CdsHooks.draftOrder("ticagrelor-1", FHIR_ID, TICAGRELOR, "ticagrelor", 180, 2));
        JsonNode warning = only(sign(drafts), "warning");
        assertThat(warning.path("summary").asText()).contains("above");
        JsonNode change = warning.path("suggestions").path(0);
        assertThat(change.path("actions").path(0).path("type").asText()).as(warning.toString()).isEqualTo("update");

        List<JsonNode> changed = CdsHooks.apply(drafts, change);
        assertThat(changed.get(0).path("dosageInstruction").path(0).path("doseAndRate").path(0).path("doseQuantity")
                .path("value").asDouble()).isEqualTo(90.0);
        assertThat(indicators(sign(changed))).doesNotContain("warning", "critical");
    }

    private JsonNode sign(List<JsonNode> drafts) {
        return ehr.call(CdsHooks.ORDER_SIGN, CdsHooks.orderSign(FHIR_ID, drafts)).expect(200).json().path("cards");
    }

    /** The one card with this indicator (a second would mean one order got two verdicts). */
    private static JsonNode only(JsonNode cards, String indicator) {
        List<JsonNode> matching = new ArrayList<>();
        cards.forEach(card -> {
            if (indicator.equals(card.path("indicator").asText())) {
                matching.add(card);
            }
        });
        assertThat(matching).as("%s cards in %s", indicator, cards).hasSize(1);
        return matching.get(0);
    }

    private static List<String> indicators(JsonNode cards) {
        List<String> indicators = new ArrayList<>();
        cards.forEach(card -> indicators.add(card.path("indicator").asText()));
        return indicators;
    }

    private static List<String> summaries(JsonNode cards) {
        List<String> summaries = new ArrayList<>();
        cards.forEach(card -> summaries.add(card.path("summary").asText()));
        return summaries;
    }
}
