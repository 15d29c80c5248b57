package org.precisionrx.gateway.cdshooks.order;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a MedicationRequest keeps its dose: R4's {@code dosageInstruction[0].doseAndRate[0].doseQuantity},
 * or the STU3 {@code dosageInstruction[0].doseQuantity} that the draft medication-verify examples still use.
 */
public final class MedicationRequestDose {

    private MedicationRequestDose() {
    }

    /** The dose quantity of the first dosage instruction, if it has one. */
    public static Optional<JsonNode> quantity(JsonNode medicationRequest) {
        JsonNode instruction = medicationRequest.path("dosageInstruction").path(0);
        JsonNode r4 = instruction.path("doseAndRate").path(0).path("doseQuantity");
        if (r4.isObject()) {
            return Optional.of(r4);
        }
        JsonNode stu3 = instruction.path("doseQuantity");
        return stu3.isObject() ? Optional.of(stu3) : Optional.empty();
    }

    /** A copy of the MedicationRequest in which only the dose quantity's value differs. */
    public static ObjectNode withDoseValue(JsonNode medicationRequest, BigDecimal value) {
        ObjectNode copy = medicationRequest.deepCopy();
        JsonNode quantity = quantity(copy)
                .orElseThrow(() -> new IllegalArgumentException("the MedicationRequest has no dose quantity"));
        ((ObjectNode) quantity).put("value", value);
        return copy;
    }
}
