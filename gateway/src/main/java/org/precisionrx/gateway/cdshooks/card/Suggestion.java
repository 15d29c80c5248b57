package org.precisionrx.gateway.cdshooks.card;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A set of actions the user accepts together with one click. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suggestion(String label, String uuid,
        // Named explicitly: "is"-prefixed record components are easy for serialisers to rename.
        @JsonProperty("isRecommended") Boolean isRecommended,
        List<Action> actions) {

    public Suggestion {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
