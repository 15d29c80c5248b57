package org.precisionrx.devtools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** CDS Hooks cards as a person reads them in a terminal: indicator, summary, detail, source, suggestions. */
public final class CardPrinter {

    static final int WIDTH = 100;

    private CardPrinter() {
    }

    /** Every card of a CDS Hooks response ({@code {"cards":[...]}}). */
    public static String cards(JsonNode response) {
        JsonNode cards = response.path("cards");
        if (cards.isEmpty()) {
            return "  (no cards: nothing to say about this)";
        }
        List<String> printed = new ArrayList<>();
        cards.forEach(card -> printed.add(card(card)));
        return String.join("\n\n", printed);
    }

    static String card(JsonNode card) {
        List<String> lines = new ArrayList<>();
        String indicator = card.path("indicator").asText("info").toUpperCase(Locale.ROOT);
        lines.addAll(TerminalMarkdown.wrap(card.path("summary").asText(""), "  [" + indicator + "] ",
                " ".repeat(indicator.length() + 5), WIDTH));
        if (card.hasNonNull("detail")) {
            lines.add(TerminalMarkdown.render(card.get("detail").asText(), "      ", WIDTH));
        }
        String source = card.path("source").path("label").asText("");
        if (!source.isEmpty()) {
            lines.add("      source: " + source);
        }
        for (JsonNode suggestion : card.path("suggestions")) {
            String recommended = suggestion.path("isRecommended").asBoolean(false) ? " (recommended)" : "";
            lines.add("      suggestion: " + suggestion.path("label").asText() + recommended);
        }
        for (JsonNode link : card.path("links")) {
            lines.add("      link: " + link.path("label").asText() + " " + link.path("url").asText());
        }
        return String.join("\n", lines);
    }
}
