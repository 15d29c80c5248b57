package org.precisionrx.gateway.cdshooks.card;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A CDS Hooks 2.0 card. Absent and empty fields are omitted, as the spec requires. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(String uuid, String summary, String detail, Indicator indicator, Source source,
        List<Suggestion> suggestions, String selectionBehavior, List<Coding> overrideReasons, List<Link> links) {

    public static final String AT_MOST_ONE = "at-most-one";
    public static final String ANY = "any";

    public Card {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
