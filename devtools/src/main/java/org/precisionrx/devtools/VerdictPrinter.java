package org.precisionrx.devtools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** A dose check's answer ({@code POST /api/v1/patients/{id}/dose-checks}) in words. */
public final class VerdictPrinter {

    private VerdictPrinter() {
    }

    public static String verdict(JsonNode check) {
        List<String> lines = new ArrayList<>();
        lines.add("  Verdict:     " + verdictWords(check.path("verdict").asText("VERDICT_UNSPECIFIED")));
        JsonNode daily = check.path("computedDailyDose");
        if (daily.has("value")) {
            lines.add("  Ordered:     " + Numbers.rounded(daily.get("value").asDouble(), 2) + " " + daily.path("unit").asText());
        }
        JsonNode range = check.path("recommended");
        if (range.path("high").asDouble() > 0) {
            String unit = range.path("unit").asText();
            StringBuilder text = new StringBuilder(Numbers.rounded(range.path("low").asDouble(), 2) + "–"
                    + Numbers.rounded(range.path("high").asDouble(), 2) + " " + unit);
            if (range.path("target").asDouble() > 0) {
                text.append(", target ").append(Numbers.rounded(range.get("target").asDouble(), 2)).append(' ').append(unit);
            }
            if (range.path("maxDaily").asDouble() > 0) {
                text.append(", maximum ").append(Numbers.rounded(range.get("maxDaily").asDouble(), 2)).append(' ').append(unit);
            }
            lines.add("  Recommended: " + text);
        }
        String regimen = check.path("recommendation").path("regimen").asText("");
        if (!regimen.isEmpty()) {
            lines.addAll(TerminalMarkdown.wrap(regimen, "  Regimen:     ", "               ", CardPrinter.WIDTH));
        }
        if (!check.path("reasons").isEmpty()) {
            lines.add("  Why:");
            check.path("reasons").forEach(reason -> lines.addAll(TerminalMarkdown.wrap(reason.asText(), "    - ", "      ",
                    CardPrinter.WIDTH)));
        }
        String version = check.path("knowledgeBaseVersion").asText("");
        if (!version.isEmpty()) {
            lines.add("  (knowledge base " + version + ")");
        }
        return String.join("\n", lines);
    }

    /** "VERDICT_ABOVE_RANGE" → "ABOVE RANGE". */
    static String verdictWords(String verdict) {
        return verdict.replaceFirst("^VERDICT_", "").replace('_', ' ').toUpperCase(Locale.ROOT);
    }
}
