package org.precisionrx.gateway.cdshooks.card;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a card is, in the spec's increasing order; serialised lowercase as the spec spells it. */
public enum Indicator {
    INFO, WARNING, CRITICAL;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
