package org.precisionrx.gateway.cdshooks.card;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change a suggestion makes: create or update carry the whole {@code resource}; delete names
 * the resource by relative reference in {@code resourceId} (e.g. "MedicationRequest/123").
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(String type, String description, JsonNode resource, String resourceId) {

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    public static Action create(String description, JsonNode resource) {
        return new Action(CREATE, description, resource, null);
    }

    public static Action update(String description, JsonNode resource) {
        return new Action(UPDATE, description, resource, null);
    }

    public static Action delete(String description, String resourceId) {
        return new Action(DELETE, description, null, resourceId);
    }
}
