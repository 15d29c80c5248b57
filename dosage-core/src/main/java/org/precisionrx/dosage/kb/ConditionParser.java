package org.precisionrx.dosage.kb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.precisionrx.dosage.kb.Condition.NumericFact;

/** Turns a schema-valid condition object (exactly one key) into a {@link Condition}. */
final class ConditionParser {

    private static final Map<String, NumericFact> NUMERIC = Map.of(
            "crclMlMin", NumericFact.CRCL_ML_MIN,
            "egfr", NumericFact.EGFR,
            "serumCreatinineMgDl", NumericFact.SERUM_CREATININE_MG_DL,
            "ageYears", NumericFact.AGE_YEARS,
            "weightKg", NumericFact.WEIGHT_KG);

    private ConditionParser() {
    }

    static Condition parse(JsonNode node) {
        var field = node.fields().next();
        String key = field.getKey();
        JsonNode value = field.getValue();
        if (NUMERIC.containsKey(key)) {
            return new Condition.Numeric(NUMERIC.get(key), bounds(value));
        }
        return switch (key) {
            case "phenotype" -> new Condition.PhenotypeIn(value.get("gene").asText(), strings(value.get("in")));
            case "activityScore" -> new Condition.ActivityScore(value.get("gene").asText(), bounds(value));
            case "hla" -> new Condition.HlaCarrier(value.get("allele").asText(), value.get("carrier").asBoolean());
            case "conditionCategory" -> new Condition.HasCondition(value.asText());
            case "activeMedication" -> new Condition.TakesAny(strings(value));
            case "dietFlag" -> new Condition.HasDietFlag(value.asText());
            case "smoking" -> new Condition.Smokes(value.asText());
            case "ancestry" -> new Condition.AncestryIn(strings(value));
            case "allOf" -> new Condition.AllOf(list(value));
            case "anyOf" -> new Condition.AnyOf(list(value));
            case "atLeastOf" -> new Condition.AtLeastOf(count(value.get("count")), list(value.get("of")));
            case "not" -> new Condition.Not(parse(value));
            default -> throw new IllegalArgumentException("unknown condition '" + key + "'");
        };
    }

    private static Condition.Bounds bounds(JsonNode node) {
        return new Condition.Bounds(number(node, "atLeast"), number(node, "atMost"), number(node, "above"), number(node, "below"));
    }

    /** The schema says "number", which JSON also allows to be 1e400; that would be read as infinity. */
    private static Double number(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        double value = node.get(field).asDouble();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("'" + field + "' is not a finite number");
        }
        return value;
    }

    /** The schema says "integer"; one beyond int range must not wrap around into another count. */
    private static int count(JsonNode node) {
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("'count' must be a whole number of conditions");
        }
        return node.intValue();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return Set.copyOf(values);
    }

    private static List<Condition> list(JsonNode array) {
        List<Condition> parts = new ArrayList<>();
        array.forEach(part -> parts.add(parse(part)));
        return List.copyOf(parts);
    }
}
