package org.precisionrx.gateway.cdshooks.card;

import java.util.List;

import org.precisionrx.gateway.cdshooks.order.DraftOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * "Replace the drug" suggestions: remove the draft, add a new draft for an alternative. The new
 * order names the drug and nothing else a prescriber must decide: no dose is invented.
 */
final class ReplacementOrders {

    private ReplacementOrders() {
    }

    static Suggestion suggestion(DraftOrder draft, String alternative, String verdictWords) {
        String drug = draft.drugId();
        return new Suggestion("Replace " + drug + " with " + alternative + " (choose the dose)", CardText.uuid(), null, List.of(
                Action.delete("Remove the order for " + draft.medicationName(), draft.reference()),
                Action.create("Add a draft order for " + alternative + " without a dose: the prescriber chooses the dose",
                        newDraft(draft.resource(), alternative, drug, verdictWords))));
    }

    static ObjectNode newDraft(JsonNode replaced, String alternative, String replacedDrug, String verdictWords) {
        ObjectNode order = JsonNodeFactory.instance.objectNode();
        order.put("resourceType", "MedicationRequest");
        order.put("status", "draft");
        order.put("intent", replaced.path("intent").asText("order"));
        order.putObject("medicationCodeableConcept").put("text", alternative);
        // Who and why stay the same; only the drug changes.
        for (String kept : List.of("subject", "encounter", "reasonCode", "reasonReference")) {
            if (replaced.has(kept)) {
                order.set(kept, replaced.get(kept).deepCopy());
            }
        }
        order.putArray("note").addObject().put("text", "Proposed by PrecisionRx in place of " + replacedDrug
                + " (" + verdictWords + " for this patient). No dose is proposed: choose the dose.");
        return order;
    }
}
