package org.precisionrx.gateway.cdshooks.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.gateway.cdshooks.HookJson.draftOrders;
import static org.precisionrx.gateway.cdshooks.HookJson.json;
import static org.precisionrx.gateway.cdshooks.HookJson.medicationRequest;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.precisionrx.dosage.v1.Frequency;
import org.precisionrx.dosage.v1.ProposedOrder;

import com.fasterxml.jackson.databind.JsonNode;

class DraftOrdersTest {

    static final String CLOPIDOGREL = """
            {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "309362",
                         "display": "clopidogrel 75 MG Oral Tablet"}],
             "text": "clopidogrel 75 MG Oral Tablet"}""";
    static final String DAILY = """
            {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}""";
    static final String MG_75 = """
            {"value": 75, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}""";

    @Test
    void readsAnOrderSignBundle() {
        JsonNode context = context(draftOrders(
                medicationRequest("rx-1", CLOPIDOGREL, MG_75, DAILY, "{\"text\": \"Oral\"}"),
                """
                {"resourceType": "ServiceRequest", "id": "lab-1", "status": "draft", "intent": "order"}"""));

        List<DraftOrder> orders = DraftOrders.parse(context);

        assertThat(orders).hasSize(1);
        DraftOrder order = orders.get(0);
        assertThat(order.resourceId()).isEqualTo("rx-1");
        assertThat(order.reference()).isEqualTo("MedicationRequest/rx-1");
        assertThat(order.drugId()).isEqualTo("clopidogrel");
        assertThat(order.problem()).isNull();
        assertThat(order.order()).isEqualTo(ProposedOrder.newBuilder().setDrugId("clopidogrel").setAmount(75)
                .setUnit("mg").setRoute("oral").setFrequency(Frequency.FREQUENCY_ONCE_DAILY).build());
        assertThat(order.resource().path("id").asText()).isEqualTo("rx-1");
    }

    @Test
    void acceptsAWholeHookRequest() {
        JsonNode request = json("{\"hook\": \"order-sign\", \"hookInstance\": \"x\", \"context\": "
                + context(draftOrders(medicationRequest("rx-1", CLOPIDOGREL, MG_75, DAILY, null))) + "}");

        assertThat(DraftOrders.parse(request)).extracting(DraftOrder::drugId).containsExactly("clopidogrel");
    }

    @Test
    void readsMedicationVerifyFromContextMedication() {
        JsonNode context = json("{\"patientId\": \"p1\", \"medication\": "
                + medicationRequest("rx-9", CLOPIDOGREL, MG_75, DAILY, null) + "}");

        assertThat(DraftOrders.parse(context)).extracting(DraftOrder::resourceId, DraftOrder::drugId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rx-9", "clopidogrel"));
    }

    @Test
    void readsMedicationVerifyFromTheDraftHooksExampleShape() {
        // The draft hook's examples wrap the order as context.order.resource and use STU3's doseQuantity.
        String stu3Style = """
                {"resourceType": "MedicationRequest", "id": "smart-MedicationRequest-103", "status": "active",
                 "intent": "order", "medicationCodeableConcept": %s,
                 "dosageInstruction": [{"text": "75 mg daily",
                     "timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}},
                     "doseQuantity": {"value": 75, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}"""
                .formatted(CLOPIDOGREL);
        JsonNode context = json("{\"patientId\": \"p1\", \"order\": {\"resource\": " + stu3Style + "}}");

        DraftOrder order = DraftOrders.parse(context).get(0);

        assertThat(order.problem()).isNull();
        assertThat(order.order().getAmount()).isEqualTo(75);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            mg        | http://unitsofmeasure.org | mg
            ug        | http://unitsofmeasure.org | mcg
            g         | http://unitsofmeasure.org | g
            mcg       |                           | mcg
            microgram |                           | mcg
            milligram |                           | mg
            """)
    void readsMassUnits(String unit, String system, String expected) {
        String quantity = system == null
                ? "{\"value\": 2.5, \"unit\": \"" + unit + "\"}"
                : "{\"value\": 2.5, \"unit\": \"" + unit + "\", \"system\": \"" + system + "\", \"code\": \"" + unit + "\"}";

        ProposedOrder order = single(medicationRequest("rx-1", CLOPIDOGREL, quantity, DAILY, null)).order();

        assertThat(order.getUnit()).isEqualTo(expected);
        assertThat(order.getAmount()).isEqualTo(2.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"value": 5, "unit": "mL", "system": "http://unitsofmeasure.org", "code": "mL"}              | the dose unit 'mL' is not a mass
            {"value": 1, "unit": "tablet"}                                                               | the dose unit 'tablet' is not a mass
            {"value": 1, "unit": "mg/kg", "system": "http://unitsofmeasure.org", "code": "mg/kg"}        | the dose unit 'mg/kg' is not a mass
            {"value": 75, "unit": "mcg", "system": "http://unitsofmeasure.org", "code": "mg"}            | the dose's unit ('mcg') and UCUM code ('mg') disagree
            {"value": 75}                                                                                | the dose has no unit
            {"value": 0, "unit": "mg"}                                                                   | the dose quantity has no positive value
            {"value": 1e400, "unit": "mg"}                                                               | the dose quantity has no positive value
            {"value": 75, "comparator": "<", "unit": "mg"}                                               | the dose has a comparator
            """)
    void unknownUnitsAreProblemsNotGuesses(String quantity, String problem) {
        DraftOrder order = single(medicationRequest("rx-1", CLOPIDOGREL, quantity, DAILY, null));

        assertThat(order.order()).isNull();
        assertThat(order.drugId()).isEqualTo("clopidogrel");
        assertThat(order.problem()).startsWith(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}   | FREQUENCY_ONCE_DAILY
            {"repeat": {"period": 1, "periodUnit": "d"}}                   | FREQUENCY_ONCE_DAILY
            {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d"}}   | FREQUENCY_BID
            {"repeat": {"frequency": 3, "period": 1, "periodUnit": "d"}}   | FREQUENCY_TID
            {"repeat": {"frequency": 4, "period": 1, "periodUnit": "d"}}   | FREQUENCY_QID
            {"repeat": {"frequency": 1, "period": 4, "periodUnit": "h"}}   | FREQUENCY_Q4H
            {"repeat": {"frequency": 1, "period": 6, "periodUnit": "h"}}   | FREQUENCY_Q6H
            {"repeat": {"frequency": 1, "period": 8, "periodUnit": "h"}}   | FREQUENCY_Q8H
            {"repeat": {"frequency": 1, "period": 12, "periodUnit": "h"}}  | FREQUENCY_Q12H
            {"repeat": {"frequency": 1, "period": 24, "periodUnit": "h"}}  | FREQUENCY_ONCE_DAILY
            {"repeat": {"frequency": 1, "period": 1, "periodUnit": "wk"}}  | FREQUENCY_WEEKLY
            {"repeat": {"frequency": 1, "period": 7, "periodUnit": "d"}}   | FREQUENCY_WEEKLY
            {"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "BID"}]}} | FREQUENCY_BID
            {"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "QD"}]}}  | FREQUENCY_ONCE_DAILY
            {"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "TID"}]}} | FREQUENCY_TID
            {"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "QID"}]}} | FREQUENCY_QID
            {"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "Q8H"}]}} | FREQUENCY_Q8H
            {"code": {"text": "bid"}}                                      | FREQUENCY_BID
            {"code": {"coding": [{"code": "BID"}]}, "repeat": {"frequency": 2, "period": 1, "periodUnit": "d"}} | FREQUENCY_BID
            """)
    void readsFrequencies(String timing, Frequency expected) {
        assertThat(single(medicationRequest("rx-1", CLOPIDOGREL, MG_75, timing, null)).order().getFrequency())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"repeat": {"frequency": 1, "period": 2, "periodUnit": "d"}}                     | the frequency (1 per 2 d) is not one the dose check knows
            {"repeat": {"frequency": 5, "period": 1, "periodUnit": "d"}}                     | the frequency (5 per 1 d) is not one the dose check knows
            {"repeat": {"frequency": 1, "frequencyMax": 2, "period": 1, "periodUnit": "d"}}  | the frequency is a range (1–2 per 1 d)
            {"repeat": {"frequency": 1, "period": 1, "periodUnit": "mo"}}                    | the frequency (1 per 1 mo) is not one the dose check knows
            {"code": {"coding": [{"code": "QOD"}]}}                                          | the timing code 'QOD' is not one the dose check knows
            {"code": {"coding": [{"code": "BID"}]}, "repeat": {"frequency": 3, "period": 1, "periodUnit": "d"}} | the timing's code and repeat disagree
            {}                                                                               | the order states no frequency
            {"repeat": {"frequency": 2.5, "period": 1, "periodUnit": "d"}}                   | the frequency (2.5 per 1 d) is not a whole number
            {"repeat": {"frequency": 4294967298, "period": 1, "periodUnit": "d"}}            | the frequency (4294967298 per 1 d) is not a whole number
            """)
    void unknownFrequenciesAreProblems(String timing, String problem) {
        DraftOrder order = single(medicationRequest("rx-1", CLOPIDOGREL, MG_75, timing, null));

        assertThat(order.order()).isNull();
        assertThat(order.problem()).startsWith(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "32968"}]}                  | clopidogrel
            {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "1364445"}], "text": "apixaban 5 MG Oral Tablet"} | apixaban
            {"text": "Warfarin sodium 5 mg tablet"}                                                                    | warfarin
            {"coding": [{"system": "http://snomed.info/sct", "code": "1", "display": "Simvastatin 40mg tablet"}]}    | simvastatin
            """)
    void identifiesDrugsByRxnormCodeElseByName(String concept, String drugId) {
        assertThat(single(medicationRequest("rx-1", concept, MG_75, DAILY, null)).drugId()).isEqualTo(drugId);
    }

    @Test
    void unknownDrugIsAProblem() {
        String amoxicillin = """
                {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "308182"}],
                 "text": "Amoxicillin 500 MG Oral Capsule"}""";

        DraftOrder order = single(medicationRequest("rx-1", amoxicillin, MG_75, DAILY, null));

        assertThat(order.drugId()).isNull();
        assertThat(order.order()).isNull();
        assertThat(order.problem()).isEqualTo("'Amoxicillin 500 MG Oral Capsule' is not a drug PrecisionRx recognises"
                + " (no known RxNorm code or ingredient name)");
    }

    @Test
    void codesForTwoFormularyDrugsAreAProblem() {
        String both = """
                {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "32968"},
                            {"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "1116632"}]}""";

        assertThat(single(medicationRequest("rx-1", both, MG_75, DAILY, null)).problem())
                .startsWith("its RxNorm codes name more than one formulary drug (clopidogrel, ticagrelor)");
    }

    @Test
    void followsAMedicationReferenceIntoTheBundle() {
        String request = """
                {"resourceType": "MedicationRequest", "id": "rx-1", "status": "draft", "intent": "order",
                 "medicationReference": {"reference": "Medication/med-1"},
                 "dosageInstruction": [{"timing": %s, "doseAndRate": [{"doseQuantity": %s}]}]}""".formatted(DAILY, MG_75);
        String medication = """
                {"resourceType": "Medication", "id": "med-1", "code": %s}""".formatted(CLOPIDOGREL);

        List<DraftOrder> orders = DraftOrders.parse(context(draftOrders(request, medication)));

        assertThat(orders).extracting(DraftOrder::drugId).containsExactly("clopidogrel");
    }

    @Test
    void anUnresolvableMedicationReferenceIsAProblem() {
        String request = """
                {"resourceType": "MedicationRequest", "id": "rx-1", "status": "draft", "intent": "order",
                 "medicationReference": {"reference": "Medication/elsewhere"},
                 "dosageInstruction": [{"timing": %s, "doseAndRate": [{"doseQuantity": %s}]}]}""".formatted(DAILY, MG_75);

        assertThat(single(request).problem()).isEqualTo(
                "the medication is a reference ('Medication/elsewhere') to a Medication that is not in the request");
    }

    @Test
    void routesAreReadFromSnomedOrWordsAndUnknownOnesAreProblems() {
        String snomed = "{\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"26643006\", \"display\": \"Oral route\"}]}";
        assertThat(single(medicationRequest("rx-1", CLOPIDOGREL, MG_75, DAILY, snomed)).order().getRoute()).isEqualTo("oral");
        assertThat(single(medicationRequest("rx-1", CLOPIDOGREL, MG_75, DAILY, "{\"text\": \"PO\"}")).order().getRoute())
                .isEqualTo("oral");
        assertThat(single(medicationRequest("rx-1", CLOPIDOGREL, MG_75, DAILY, null)).order().getRoute()).isEmpty();
        assertThat(single(medicationRequest("rx-1", CLOPIDOGREL, MG_75, DAILY, "{\"text\": \"Nasogastric\"}")).problem())
                .isEqualTo("the route 'Nasogastric' is not one PrecisionRx recognises");
    }

    @Test
    void reportsEveryProblemOfAnOrder() {
        DraftOrder order = single(medicationRequest("rx-1", "{\"text\": \"Amoxicillin\"}",
                "{\"value\": 5, \"unit\": \"mL\"}", "{\"code\": {\"text\": \"QOD\"}}", null));

        assertThat(order.problem()).contains("'Amoxicillin' is not a drug", "'mL' is not a mass", "'QOD' is not one");
    }

    @Test
    void taperingAndRangeDosesAreProblems() {
        String twoInstructions = """
                {"resourceType": "MedicationRequest", "id": "rx-1", "medicationCodeableConcept": %s,
                 "dosageInstruction": [{"timing": %s, "doseAndRate": [{"doseQuantity": %s}]},
                                       {"timing": %s, "doseAndRate": [{"doseQuantity": %s}]}]}"""
                .formatted(CLOPIDOGREL, DAILY, MG_75, DAILY, MG_75);
        String range = """
                {"resourceType": "MedicationRequest", "id": "rx-2", "medicationCodeableConcept": %s,
                 "dosageInstruction": [{"timing": %s, "doseAndRate": [{"doseRange":
                     {"low": {"value": 1, "unit": "mg"}, "high": {"value": 2, "unit": "mg"}}}]}]}"""
                .formatted(CLOPIDOGREL, DAILY);

        assertThat(single(twoInstructions).problem()).startsWith("the order has 2 dosage instructions");
        assertThat(single(range).problem()).isEqualTo("the dose is a range; only a single dose can be checked");
    }

    @Test
    void selectsTheOrdersNamedInSelections() {
        JsonNode context = json("{\"selections\": [\"MedicationRequest/rx-2\"], \"draftOrders\": "
                + draftOrders(medicationRequest("rx-1", CLOPIDOGREL, MG_75, DAILY, null),
                        medicationRequest("rx-2", CLOPIDOGREL, MG_75, DAILY, null)) + "}");

        List<DraftOrder> parsed = DraftOrders.parse(context);

        assertThat(DraftOrders.selections(context)).containsExactly("MedicationRequest/rx-2");
        assertThat(DraftOrders.selected(parsed, DraftOrders.selections(context)))
                .extracting(DraftOrder::resourceId).containsExactly("rx-2");
        assertThat(DraftOrders.selected(parsed, List.of())).isEmpty();
    }

    @Test
    void aContextWithoutOrdersHasNone() {
        assertThat(DraftOrders.parse(json("{\"patientId\": \"p1\"}"))).isEmpty();
        assertThat(DraftOrders.parse(null)).isEmpty();
    }

    private static JsonNode context(String draftOrders) {
        return json("{\"userId\": \"PractitionerRole/123\", \"patientId\": \"p1\", \"draftOrders\": " + draftOrders + "}");
    }

    private static DraftOrder single(String medicationRequest) {
        List<DraftOrder> orders = DraftOrders.parse(context(draftOrders(medicationRequest)));
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }
}
