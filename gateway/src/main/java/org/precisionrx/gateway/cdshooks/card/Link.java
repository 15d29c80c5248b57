package org.precisionrx.gateway.cdshooks.card;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A link on a card: {@code type} is "absolute" or "smart"; {@code appContext} only for smart links. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Link(String label, String url, String type, String appContext) {

    public static final String ABSOLUTE = "absolute";
    public static final String SMART = "smart";

    public static Link absolute(String label, String url) {
        return new Link(label, url, ABSOLUTE, null);
    }

    public static Link smart(String label, String url) {
        return new Link(label, url, SMART, null);
    }
}
