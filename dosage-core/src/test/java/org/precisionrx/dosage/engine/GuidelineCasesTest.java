package org.precisionrx.dosage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.kb.KnowledgeBaseLoader;

/**
 * Table-driven cases taken from the guideline and label texts (src/test/resources/kb-cases), one
 * file per rule family, run against the shipped knowledge base.
 */
class GuidelineCasesTest {

    private static final List<String> FILES = List.of(
            "pharmacogenomic.json", "renal.json", "age-weight-hepatic.json", "interaction.json", "lifestyle.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DoseEngine engine = new DoseEngine(KnowledgeBaseLoader.loadDefault(), List.of());

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("kb-cases/" + file)) {
                assertThat(in).as("kb-cases/" + file).isNotNull();
                JsonNode cases = MAPPER.readTree(in);
                assertThat(cases.size()).as(file + " has cases").isPositive();
                cases.forEach(c -> tests.add(DynamicTest.dynamicTest(file + ": " + c.get("name").asText(), () -> run(c))));
            }
        }
        return tests.stream();
    }

    private void run(JsonNode c) {
        Recommendation rec = engine.recommend(facts(c.get("patient")), c.get("drug").asText(), c.path("indication").asText(""));
        JsonNode expect = c.get("expect");
        assertThat(rec.status().name()).as("status; source: " + c.path("source").asText()).isEqualTo(expect.get("status").asText());
        if (expect.has("firedRules")) {
            Set<String> fired = new HashSet<>();
            rec.applied().forEach(a -> fired.add(a.rule().id()));
            assertThat(fired).as("fired rules").containsAll(strings(expect.get("firedRules")));
        }
        if (expect.has("alternatives")) {
            assertThat(rec.alternatives()).as("alternatives").containsAll(strings(expect.get("alternatives")));
        }
        if (expect.has("dailyRange")) {
            JsonNode r = expect.get("dailyRange");
            assertThat(rec.range()).as("range").isNotNull();
            assertThat(rec.range().low()).as("low").isCloseTo(r.get("low").asDouble(), within(0.01));
            assertThat(rec.range().target()).as("target").isCloseTo(r.get("target").asDouble(), within(0.01));
            assertThat(rec.range().high()).as("high").isCloseTo(r.get("high").asDouble(), within(0.01));
        }
        if (expect.has("missing")) {
            assertThat(rec.missing()).extracting(Recommendation.Missing::fact).as("missing")
                    .containsExactlyInAnyOrderElementsOf(strings(expect.get("missing")));
        }
    }

    static PatientFacts facts(JsonNode p) {
        return new PatientFacts(
                p.has("ageYears") ? p.get("ageYears").asInt() : null,
                p.path("sex").asText(null),
                number(p, "weightKg"), number(p, "heightCm"), number(p, "crclMlMin"), number(p, "egfr"),
                number(p, "serumCreatinineMgDl"),
                textMap(p.path("phenotypes")), numberMap(p.path("activityScores")), textMap(p.path("diplotypes")),
                boolMap(p.path("hla")), new HashSet<>(strings(p.path("activeMedications"))),
                new HashSet<>(strings(p.path("conditions"))), new HashSet<>(strings(p.path("dietFlags"))),
                p.path("smoking").asText(null), p.path("ancestry").asText(null));
    }

    private static Double number(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asDouble() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, String> textMap(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static Map<String, Double> numberMap(JsonNode node) {
        Map<String, Double> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asDouble()));
        return map;
    }

    private static Map<String, Boolean> boolMap(JsonNode node) {
        Map<String, Boolean> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asBoolean()));
        return map;
    }
}
