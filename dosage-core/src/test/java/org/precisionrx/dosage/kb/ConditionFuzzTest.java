package org.precisionrx.dosage.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Property: the knowledge base's rule conditions and {@code drug.schema.json} agree. Any JSON text that the
 * schema accepts as a condition is turned by {@link ConditionParser} into a {@link Condition} whose numbers are
 * the ones written (finite bounds, an exact count), or refused with an IllegalArgumentException, which
 * {@link KnowledgeBaseLoader} reports against the file; never any other exception.
 *
 * <p>Regression inputs: {@code ConditionFuzzTestInputs/parsesSchemaValidConditions/}, raw JSON.
 */
class ConditionFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema CONDITION_SCHEMA = conditionSchema();

    @FuzzTest(maxDuration = "3m")
    void parsesSchemaValidConditions(byte[] input) {
        JsonNode node;
        try {
            node = MAPPER.readTree(new String(input, StandardCharsets.UTF_8));
        } catch (JsonProcessingException notJson) {
            return; // the loader refuses the whole file as "not valid JSON"
        }
        if (node == null || !CONDITION_SCHEMA.validate(node).isEmpty()) {
            return; // the loader reports the schema's messages
        }
        Condition condition;
        try {
            condition = ConditionParser.parse(node);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertWritten(node, condition);
    }

    /** Walks the JSON and the parsed condition together: bounds must be finite and a count exactly the one written. */
    private static void assertWritten(JsonNode node, Condition condition) {
        JsonNode value = node.properties().iterator().next().getValue();
        if (condition instanceof Condition.Numeric numeric) {
            assertBounds(numeric.bounds());
        } else if (condition instanceof Condition.ActivityScore score) {
            assertBounds(score.bounds());
        } else if (condition instanceof Condition.AtLeastOf atLeast) {
            JsonNode count = value.get("count");
            assertThat(count.canConvertToExactIntegral() && count.canConvertToInt()).as("count %s fits an int", count).isTrue();
            assertThat(atLeast.count()).isEqualTo(count.intValue());
            assertParts(value.get("of"), atLeast.parts());
        } else if (condition instanceof Condition.AllOf all) {
            assertParts(value, all.parts());
        } else if (condition instanceof Condition.AnyOf any) {
            assertParts(value, any.parts());
        } else if (condition instanceof Condition.Not not) {
            assertWritten(value, not.part());
        }
    }

    private static void assertParts(JsonNode array, List<Condition> parts) {
        for (int i = 0; i < parts.size(); i++) {
            assertWritten(array.get(i), parts.get(i));
        }
    }

    private static void assertBounds(Condition.Bounds bounds) {
        for (Double bound : new Double[] {bounds.atLeast(), bounds.atMost(), bounds.above(), bounds.below()}) {
            if (bound != null) {
                assertThat(bound).isFinite();
            }
        }
    }

    /** {@code drug.schema.json} with its root replaced by a reference to its condition definition. */
    private static JsonSchema conditionSchema() {
        try (InputStream in = ConditionFuzzTest.class.getClassLoader().getResourceAsStream(KnowledgeBaseLoader.SCHEMA)) {
            ObjectNode root = (ObjectNode) MAPPER.readTree(in);
            ObjectNode condition = MAPPER.createObjectNode();
            condition.set("$schema", root.get("$schema"));
            condition.set("$defs", root.get("$defs"));
            condition.put("$ref", "#/$defs/condition");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(condition);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + KnowledgeBaseLoader.SCHEMA, e);
        }
    }
}
