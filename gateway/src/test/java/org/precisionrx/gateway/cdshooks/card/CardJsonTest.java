package org.precisionrx.gateway.cdshooks.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CardJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void absentAndEmptyFieldsAreOmitted() {
        Card card = new Card("4e0a3a1e-3283-4575-ab82-028d55fe2719", "Nothing to add", null, Indicator.INFO,
                new Source("PrecisionRx", null, null), null, null, List.of(), null);

        JsonNode tree = json.valueToTree(card);

        assertThat(tree.properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("uuid", "summary", "indicator", "source");
        assertThat(tree.get("source").properties()).extracting(e -> e.getKey()).containsExactly("label");
    }

    @Test
    void indicatorsAreLowercase() {
        for (Indicator indicator : Indicator.values()) {
            assertThat(json.valueToTree(indicator).asText()).isEqualTo(indicator.name().toLowerCase());
        }
    }

    @Test
    void suggestionKeepsTheSpecFieldNamesAndDropsNullActionFields() {
        Suggestion suggestion = new Suggestion("Remove", "0b6a8a3e-1a43-4c55-9f0e-2d8c6c1b7a10", true,
                List.of(Action.delete("Remove the draft order", "MedicationRequest/rx-1")));

        JsonNode tree = json.valueToTree(suggestion);

        assertThat(tree.get("isRecommended").asBoolean()).isTrue();
        assertThat(tree.get("actions").get(0).properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("type", "description", "resourceId");
    }

    @Test
    void responseAlwaysHasACardsArray() throws Exception {
        assertThat(json.writeValueAsString(new CdsResponse(List.of()))).isEqualTo("{\"cards\":[]}");
    }

    @Test
    void linkAndTopicSerialiseAsTheSpecSpellsThem() {
        JsonNode link = json.valueToTree(Link.smart("Open PrecisionRx", "https://rx.example.org/launch"));
        JsonNode source = json.valueToTree(new Source("PrecisionRx", "https://rx.example.org",
                new Coding("https://precisionrx.org/fhir/CodeSystem/card-topic", "dose-check", "Dose check")));

        assertThat(link.toString()).isEqualTo(
                "{\"label\":\"Open PrecisionRx\",\"url\":\"https://rx.example.org/launch\",\"type\":\"smart\"}");
        assertThat(source.get("topic").get("code").asText()).isEqualTo("dose-check");
    }
}
