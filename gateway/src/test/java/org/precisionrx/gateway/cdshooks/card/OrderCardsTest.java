package org.precisionrx.gateway.cdshooks.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.gateway.cdshooks.HookJson.BID;
import static org.precisionrx.gateway.cdshooks.HookJson.DAILY;
import static org.precisionrx.gateway.cdshooks.HookJson.TID;
import static org.precisionrx.gateway.cdshooks.HookJson.medicationRequest;
import static org.precisionrx.gateway.cdshooks.HookJson.mg;
import static org.precisionrx.gateway.cdshooks.HookJson.orderSignContext;
import static org.precisionrx.gateway.cdshooks.HookJson.rxnorm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.precisionrx.dosage.v1.CheckDoseResponse;
import org.precisionrx.dosage.v1.Verdict;
import org.precisionrx.gateway.cdshooks.order.DraftOrder;
import org.precisionrx.gateway.cdshooks.order.DraftOrders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OrderCardsTest {

    private static final String ORAL = "{\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"26643006\","
            + " \"display\": \"Oral route\"}]}";

    static DraftOrder draft(String id, String concept, double mg, String timing) {
        return DraftOrders.parse(orderSignContext(medicationRequest(id, concept, mg(mg), timing, ORAL))).get(0);
    }

    static DraftOrder simvastatin20() {
        return draft("rx-simva", rxnorm("36567", "simvastatin 20 MG Oral Tablet"), 20, DAILY);
    }

    static DraftOrder citalopram(double mg, String timing) {
        return draft("rx-cit", rxnorm("2556", "citalopram " + CardText.plain(mg) + " MG Oral Tablet"), mg, timing);
    }

    static DraftOrder apixaban25Bid() {
        return draft("rx-apix", rxnorm("1364430", "apixaban 2.5 MG Oral Tablet"), 2.5, BID);
    }

    static DraftOrder clopidogrel75() {
        return draft("rx-clop", rxnorm("309362", "clopidogrel 75 MG Oral Tablet"), 75, DAILY);
    }

    static DraftOrder allopurinol100() {
        return draft("rx-allo", rxnorm("519", "allopurinol 100 MG Oral Tablet"), 100, DAILY);
    }

    static DraftOrder dabigatran150Bid() {
        return draft("rx-dabi", rxnorm("1037042", "dabigatran etexilate 150 MG Oral Capsule"), 150, BID);
    }

    static Stream<Arguments> everyFinding() {
        return Stream.of(
                Arguments.of("within adjusted", simvastatin20(), DoseChecks.simvastatinWithinCappedRange()),
                Arguments.of("above", citalopram(40, DAILY), DoseChecks.citalopram(Verdict.VERDICT_ABOVE_RANGE, 40)),
                Arguments.of("below, not exact", citalopram(2.5, TID), DoseChecks.citalopram(Verdict.VERDICT_BELOW_RANGE, 7.5)),
                Arguments.of("below", apixaban25Bid(), DoseChecks.apixabanBelowRange()),
                Arguments.of("avoid", clopidogrel75(), DoseChecks.clopidogrelAvoid()),
                Arguments.of("contraindicated", allopurinol100(), DoseChecks.allopurinolContraindicated()),
                Arguments.of("insufficient data", dabigatran150Bid(), DoseChecks.dabigatranInsufficientData()),
                Arguments.of("out of scope", citalopram(20, DAILY), DoseChecks.citalopramOutOfScope()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFinding")
    void everyCardConforms(String finding, DraftOrder order, CheckDoseResponse check) {
        List<Card> cards = OrderCards.forOrder(order, check);

        assertThat(cards).hasSize(1);
        assertThat(CardConformance.problems(cards.get(0))).isEmpty();
        assertThat(cards.get(0).source().label()).isEqualTo("PrecisionRx dosage knowledge base 2026.11.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFinding")
    void serialisedCardsHaveNoNullOrEmptyValues(String finding, DraftOrder order, CheckDoseResponse check) {
        JsonNode tree = new ObjectMapper().valueToTree(OrderCards.forOrder(order, check).get(0));

        assertThat(emptyOrNullPaths(tree, "card")).isEmpty();
        assertThat(tree.get("indicator").asText()).isIn("info", "warning", "critical");
    }

    @Test
    void withinRangeWithoutAdjustmentsSaysNothing() {
        assertThat(OrderCards.forOrder(simvastatin20(), DoseChecks.simvastatinWithinStandardRange())).isEmpty();
    }

    @Test
    void withinAdjustedRangeIsInformationWithTheAdjustmentAndItsSource() {
        Card card = OrderCards.forOrder(simvastatin20(), DoseChecks.simvastatinWithinCappedRange()).get(0);

        assertThat(card.indicator()).isEqualTo(Indicator.INFO);
        assertThat(card.summary()).isEqualTo("Simvastatin 20 mg once daily: within the adjusted range; 1 adjustment applies");
        assertThat(card.detail()).contains("do not exceed simvastatin 20 mg daily", "Effect: max 20 mg/day",
                "[Zocor (simvastatin) US prescribing information](https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=simvastatin)");
        assertThat(card.suggestions()).isEmpty();
        assertThat(card.overrideReasons()).isEmpty();
    }

    @Test
    void aboveRangeWarnsAndSuggestsTheTargetDose() {
        DraftOrder order = citalopram(40, DAILY);

        Card card = OrderCards.forOrder(order, DoseChecks.citalopram(Verdict.VERDICT_ABOVE_RANGE, 40)).get(0);

        assertThat(card.indicator()).isEqualTo(Indicator.WARNING);
        assertThat(card.summary())
                .isEqualTo("Citalopram 40 mg once daily: above the recommended range of 10–20 mg/d");
        assertThat(card.selectionBehavior()).isEqualTo(Card.AT_MOST_ONE);
        assertThat(card.overrideReasons()).extracting(Coding::code).containsExactly(
                "patient-tolerated-previously", "benefit-outweighs-risk", "will-monitor", "other");
        Suggestion suggestion = card.suggestions().get(0);
        assertThat(suggestion.label()).isEqualTo("Change the dose to 10 mg once daily");
        Action update = suggestion.actions().get(0);
        assertThat(update.type()).isEqualTo(Action.UPDATE);
        assertThat(onlyDifference(order.resource(), update.resource()))
                .containsExactly("/dosageInstruction/0/doseAndRate/0/doseQuantity/value: 40.0 -> 10");
        assertThat(card.detail()).contains("[CPIC Guideline for CYP2D6, CYP2C19", "https://pubmed.ncbi.nlm.nih.gov/37032427/",
                "Strength: Moderate", "**Suggested change:** 10 mg once daily");
    }

    @Test
    void belowRangeSplitsTheDailyTargetOverTheOrdersFrequency() {
        DraftOrder order = apixaban25Bid();

        Card card = OrderCards.forOrder(order, DoseChecks.apixabanBelowRange()).get(0);

        assertThat(card.summary()).isEqualTo("Apixaban 2.5 mg twice daily: below the recommended 10 mg/d");
        Action update = card.suggestions().get(0).actions().get(0);
        assertThat(onlyDifference(order.resource(), update.resource()))
                .containsExactly("/dosageInstruction/0/doseAndRate/0/doseQuantity/value: 2.5 -> 5");
        assertThat(update.resource().path("id").asText()).isEqualTo("rx-apix");
    }

    @Test
    void noDoseChangeWhenTheTargetDoesNotSplitExactly() {
        Card card = OrderCards.forOrder(citalopram(2.5, TID), DoseChecks.citalopram(Verdict.VERDICT_BELOW_RANGE, 7.5)).get(0);

        assertThat(card.indicator()).isEqualTo(Indicator.WARNING);
        assertThat(card.suggestions()).isEmpty();
        assertThat(card.selectionBehavior()).isNull();
        assertThat(card.detail()).contains("cannot be given exactly as one mg amount three times daily; choose the dose");
        assertThat(card.overrideReasons()).isNotEmpty();
    }

    @Test
    void updateWarnsWhenTheWrittenInstructionsWouldGoStale() {
        String withSig = medicationRequest("rx-cit", rxnorm("2556", "citalopram 40 MG Oral Tablet"), mg(40), DAILY, null)
                .replace("\"dosageInstruction\": [{", "\"dosageInstruction\": [{\"text\": \"40 mg by mouth daily\", ");
        DraftOrder order = DraftOrders.parse(orderSignContext(withSig)).get(0);

        Card card = OrderCards.forOrder(order, DoseChecks.citalopram(Verdict.VERDICT_ABOVE_RANGE, 40)).get(0);

        Action update = card.suggestions().get(0).actions().get(0);
        assertThat(update.description()).contains("(\"40 mg by mouth daily\") are not rewritten",
                "check that its strength suits the new dose");
        assertThat(onlyDifference(order.resource(), update.resource())).hasSize(1);
    }

    @Test
    void avoidIsCriticalWithOneReplacementPerFormularyAlternative() {
        DraftOrder order = clopidogrel75();

        Card card = OrderCards.forOrder(order, DoseChecks.clopidogrelAvoid()).get(0);

        assertThat(card.indicator()).isEqualTo(Indicator.CRITICAL);
        assertThat(card.summary()).isEqualTo("Clopidogrel should be avoided for this patient; consider prasugrel or ticagrelor");
        assertThat(card.selectionBehavior()).isEqualTo(Card.AT_MOST_ONE);
        assertThat(card.overrideReasons()).hasSize(4);
        assertThat(card.suggestions()).extracting(Suggestion::label).containsExactly(
                "Replace clopidogrel with prasugrel (choose the dose)", "Replace clopidogrel with ticagrelor (choose the dose)");
        for (Suggestion suggestion : card.suggestions()) {
            assertThat(suggestion.actions()).extracting(Action::type).containsExactly(Action.DELETE, Action.CREATE);
            assertThat(suggestion.actions().get(0).resourceId()).isEqualTo("MedicationRequest/rx-clop");
            JsonNode created = suggestion.actions().get(1).resource();
            assertThat(created.path("resourceType").asText()).isEqualTo("MedicationRequest");
            assertThat(created.path("status").asText()).isEqualTo("draft");
            assertThat(created.path("subject").path("reference").asText()).isEqualTo("Patient/p1");
            assertThat(created.path("medicationCodeableConcept").path("text").asText())
                    .isEqualTo(suggestion.label().replaceAll(".* with (\\w+) .*", "$1"));
            assertThat(created.has("dosageInstruction")).as("no dose is invented").isFalse();
            assertThat(suggestion.actions().get(1).description()).contains("the prescriber chooses the dose");
        }
        assertThat(card.suggestions().get(0).uuid()).isNotEqualTo(card.suggestions().get(1).uuid());
        assertThat(card.detail()).contains("[CPIC Guideline for CYP2C19 Genotype and Clopidogrel Therapy: 2022 Update]"
                + "(https://pubmed.ncbi.nlm.nih.gov/35034351/)");
        assertThat(card.detail().split("markedly reduced formation", -1)).as("the reason is said once").hasSize(2);
    }

    @Test
    void contraindicatedWithoutAFormularyAlternativeNamesItButSuggestsNothing() {
        Card card = OrderCards.forOrder(allopurinol100(), DoseChecks.allopurinolContraindicated()).get(0);

        assertThat(card.indicator()).isEqualTo(Indicator.CRITICAL);
        assertThat(card.summary()).isEqualTo("Allopurinol is contraindicated for this patient");
        assertThat(card.suggestions()).isEmpty();
        assertThat(card.selectionBehavior()).isNull();
        assertThat(card.detail()).contains("not in the PrecisionRx formulary):** febuxostat", "HLA-B*58:01 carrier");
        assertThat(card.overrideReasons()).isNotEmpty();
    }

    @Test
    void insufficientDataNamesTheGaps() {
        Card card = OrderCards.forOrder(dabigatran150Bid(), DoseChecks.dabigatranInsufficientData()).get(0);

        assertThat(card.indicator()).isEqualTo(Indicator.INFO);
        assertThat(card.summary()).isEqualTo("Dabigatran dose not checked: missing serum creatinine");
        assertThat(card.detail()).contains("`labs.serum_creatinine`: no serum creatinine result on file");
        assertThat(card.suggestions()).isEmpty();
    }

    @Test
    void outOfScopeStatesNoDose() {
        Card card = OrderCards.forOrder(citalopram(20, DAILY), DoseChecks.citalopramOutOfScope()).get(0);

        assertThat(card.indicator()).isEqualTo(Indicator.INFO);
        assertThat(card.summary()).isEqualTo("Citalopram dose not checked: adult dosing rules do not apply to this patient");
        assertThat(card.detail()).contains("Adult dosing rules do not apply to this patient")
                .doesNotContain("Recommended", "Regimen", "mg/d");
    }

    @Test
    void anUnreadableOrderGivesAnInfoCardWithTheReason() {
        DraftOrder order = DraftOrders.parse(orderSignContext(medicationRequest("rx-x", rxnorm("308182",
                "Amoxicillin 500 MG Oral Capsule"), "{\"value\": 5, \"unit\": \"mL\"}", DAILY, null))).get(0);

        Card card = OrderCards.unreadable(order);

        assertThat(CardConformance.problems(card)).isEmpty();
        assertThat(card.indicator()).isEqualTo(Indicator.INFO);
        assertThat(card.summary()).isEqualTo("PrecisionRx could not check the order for Amoxicillin 500 MG Oral Capsule");
        assertThat(card.detail()).contains("MedicationRequest/rx-x", "is not a drug PrecisionRx recognises",
                "the dose unit 'mL' is not a mass");
        assertThat(OrderCards.forOrder(order, CheckDoseResponse.getDefaultInstance())).hasSize(1)
                .allSatisfy(c -> assertThat(c.summary()).isEqualTo(card.summary()));
    }

    @Test
    void aLongMedicationNameStillFitsTheSummary() {
        DraftOrder order = DraftOrders.parse(orderSignContext(medicationRequest("rx-y",
                "{\"text\": \"" + "very long compounded preparation ".repeat(8) + "\"}", mg(1), DAILY, null))).get(0);

        assertThat(CardConformance.problems(OrderCards.unreadable(order))).isEmpty();
    }

    /** JSON Pointer paths where two trees differ, with both values. */
    static List<String> onlyDifference(JsonNode before, JsonNode after) {
        List<String> differences = new ArrayList<>();
        diff(before, after, "", differences);
        return differences;
    }

    private static void diff(JsonNode a, JsonNode b, String path, List<String> out) {
        if (a.isObject() && b.isObject()) {
            List<String> names = new ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(n -> {
                if (!names.contains(n)) {
                    names.add(n);
                }
            });
            names.forEach(n -> diff(a.path(n), b.path(n), path + "/" + n, out));
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(a.get(i), b.get(i), path + "/" + i, out);
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " -> " + b);
        }
    }

    private static List<String> emptyOrNullPaths(JsonNode node, String path) {
        List<String> found = new ArrayList<>();
        if (node.isNull() || (node.isContainerNode() && node.isEmpty()) || (node.isTextual() && node.asText().isEmpty())) {
            found.add(path);
        }
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            names.forEachRemaining(n -> found.addAll(emptyOrNullPaths(node.get(n), path + "." + n)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(emptyOrNullPaths(node.get(i), path + "[" + i + "]"));
            }
        }
        return found;
    }
}
