package org.precisionrx.gateway.cdshooks;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Hook contexts and MedicationRequests as an EHR would send them, for tests. */
public final class HookJson {

    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String DAILY = "{\"repeat\": {\"frequency\": 1, \"period\": 1, \"periodUnit\": \"d\"}}";
    public static final String BID = "{\"repeat\": {\"frequency\": 2, \"period\": 1, \"periodUnit\": \"d\"}}";
    public static final String TID = "{\"repeat\": {\"frequency\": 3, \"period\": 1, \"periodUnit\": \"d\"}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HookJson() {
    }

    /** A medicationCodeableConcept with one RxNorm coding and its text. */
    public static String rxnorm(String code, String text) {
        return "{\"coding\": [{\"system\": \"" + RXNORM + "\", \"code\": \"" + code + "\", \"display\": \"" + text + "\"}],"
                + " \"text\": \"" + text + "\"}";
    }

    /** A UCUM mass dose, e.g. mg(75). */
    public static String mg(double value) {
        return "{\"value\": " + value + ", \"unit\": \"mg\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"mg\"}";
    }

    /** An R4 draft MedicationRequest; route is a CodeableConcept or null for none. */
    public static String medicationRequest(String id, String concept, String doseQuantity, String timing, String route) {
        return """
                {"resourceType": "MedicationRequest", "id": "%s", "status": "draft", "intent": "order",
                 "subject": {"reference": "Patient/p1"}, "encounter": {"reference": "Encounter/e1"},
                 "medicationCodeableConcept": %s,
                 "dosageInstruction": [{"timing": %s, %s "doseAndRate": [{"type": {"text": "ordered"}, "doseQuantity": %s}]}]}"""
                .formatted(id, concept, timing, route == null ? "" : "\"route\": " + route + ",", doseQuantity);
    }

    public static String draftOrders(String... resources) {
        return "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
                + String.join(",", Arrays.stream(resources).map(r -> "{\"resource\": " + r + "}").toList()) + "]}";
    }

    /** An order-sign context with these draft orders. */
    public static JsonNode orderSignContext(String... resources) {
        return json("{\"userId\": \"PractitionerRole/123\", \"patientId\": \"p1\", \"draftOrders\": "
                + draftOrders(resources) + "}");
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
