package org.precisionrx.gateway.cdshooks.card;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a card's guidance comes from. {@code url} must be absolute when given; {@code topic} is a
 * Coding in CDS Hooks 2.0, not a string.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String label, String url, Coding topic) {

    public static Source labelled(String label) {
        return new Source(label, null, null);
    }
}
