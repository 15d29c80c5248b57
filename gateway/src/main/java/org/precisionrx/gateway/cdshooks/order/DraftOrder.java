package org.precisionrx.gateway.cdshooks.order;

import org.precisionrx.dosage.v1.ProposedOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One MedicationRequest from a hook context, read for a dose check. Either {@code order} is set and
 * the dose can be checked, or {@code problem} says in words why it cannot; {@code drugId} is set
 * whenever the drug was recognised, even if the dose was not.
 *
 * @param resourceId the MedicationRequest's id (without the type), or null when it has none
 */
public record DraftOrder(String resourceId, JsonNode resource, String drugId, ProposedOrder order, String problem) {

    public boolean checkable() {
        return order != null;
    }

    /** "MedicationRequest/&lt;id&gt;", the form suggestions and order-select's selections use. */
    public String reference() {
        return resourceId == null ? null : "MedicationRequest/" + resourceId;
    }

    /** The medication as the prescriber sees it, for card text. */
    public String medicationName() {
        return MedicationText.of(resource).orElse(drugId != null ? drugId : "the medication");
    }
}
