package org.precisionrx.gateway.cdshooks.order;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** The words a MedicationRequest uses for its medication: concept text, a coding's display, or the reference's display. */
final class MedicationText {

    private MedicationText() {
    }

    static Optional<String> of(JsonNode medicationRequest) {
        if (medicationRequest == null) {
            return Optional.empty();
        }
        JsonNode concept = medicationRequest.path("medicationCodeableConcept");
        Optional<String> text = nonBlank(concept.path("text"));
        if (text.isPresent()) {
            return text;
        }
        for (JsonNode coding : concept.path("coding")) {
            Optional<String> display = nonBlank(coding.path("display"));
            if (display.isPresent()) {
                return display;
            }
        }
        return nonBlank(medicationRequest.path("medicationReference").path("display"));
    }

    static Optional<String> nonBlank(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().strip()) : Optional.empty();
    }
}
