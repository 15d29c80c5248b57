package org.precisionrx.dosage.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/** Builds the model of one schema-valid drug object. */
final class DrugParser {

    private DrugParser() {
    }

    static Drug parse(JsonNode node, UnaryOperator<String> where, List<String> problems) {
        List<DoseEntry> doses = new ArrayList<>();
        JsonNode doseNodes = node.get("doses");
        for (int i = 0; i < doseNodes.size(); i++) {
            doses.add(dose(doseNodes.get(i), where.apply(".doses[" + i + "]"), problems));
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode ruleNodes = node.get("rules");
        for (int i = 0; i < ruleNodes.size(); i++) {
            rules.add(rule(ruleNodes.get(i), where.apply(".rules[" + i + "]"), problems));
        }
        return new Drug(node.get("id").asText(), node.get("name").asText(), strings(node.path("aliases")),
                node.path("drugClass").asText(""), List.copyOf(doses), List.copyOf(rules));
    }

    private static DoseEntry dose(JsonNode node, String where, List<String> problems) {
        return new DoseEntry(
                node.get("indication").asText(),
                node.get("route").asText(),
                DoseEntry.DoseUnit.of(node.get("unit").asText()),
                range(node.get("dailyRange")),
                node.get("maxDaily").asDouble(),
                node.get("frequency").asText(),
                node.get("regimen").asText(),
                node.hasNonNull("model") ? node.get("model").asText() : null,
                source(node.get("source")),
                KnowledgeBaseLoader.date(node.get("reviewed").asText(), where + ".reviewed", problems));
    }

    private static Rule rule(JsonNode node, String where, List<String> problems) {
        JsonNode action = node.get("action");
        return new Rule(
                node.get("id").asText(),
                Rule.Family.valueOf(node.get("family").asText()),
                strings(node.path("indications")),
                ConditionParser.parse(node.get("when")),
                node.hasNonNull("ifUnknown") ? Rule.IfUnknown.valueOf(node.get("ifUnknown").asText()) : Rule.IfUnknown.WARN,
                new Action(Action.Type.valueOf(action.get("type").asText()),
                        action.hasNonNull("factor") ? action.get("factor").asDouble() : null,
                        action.hasNonNull("range") ? range(action.get("range")) : null,
                        action.hasNonNull("maxDaily") ? action.get("maxDaily").asDouble() : null),
                strings(node.path("alternatives")),
                node.path("strength").asText(""),
                node.get("reason").asText(),
                source(node.get("source")),
                KnowledgeBaseLoader.date(node.get("reviewed").asText(), where + ".reviewed", problems));
    }

    private static Range range(JsonNode node) {
        return new Range(node.get("low").asDouble(), node.get("target").asDouble(), node.get("high").asDouble());
    }

    private static Source source(JsonNode node) {
        return new Source(text(node, "guideline"), text(node, "pmid"), text(node, "label"), text(node, "url"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }
}
