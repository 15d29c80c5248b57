package org.precisionrx.gateway.cdshooks.card;

import java.util.List;

/** A service's answer. {@code cards} is always present, empty when there is nothing to say. */
public record CdsResponse(List<Card> cards) {

    public CdsResponse {
        cards = cards == null ? List.of() : List.copyOf(cards);
    }
}
