package org.precisionrx.gateway.cdshooks.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CardConformanceTest {

    private static final String UUID_1 = "4e0a3a1e-3283-4575-ab82-028d55fe2719";
    private static final String UUID_2 = "0b6a8a3e-1a43-4c55-9f0e-2d8c6c1b7a10";
    private static final String UUID_3 = "9d3c1f62-7b0e-4f5a-8c2d-6e4b3a2f1d09";
    private static final Coding REASON = new Coding("https://precisionrx.org/fhir/CodeSystem/override-reason", "other", "Other reason");

    @Test
    void aCompleteCardHasNoProblems() {
        assertThat(CardConformance.problems(valid())).isEmpty();
    }

    @Test
    void missingCardIsAProblem() {
        assertThat(CardConformance.problems(null)).containsExactly("card: missing");
    }

    @Test
    void uuidIsRequiredAndMustBeAUuid() {
        assertThat(CardConformance.problems(withUuid(null))).containsExactly("uuid: required");
        assertThat(CardConformance.problems(withUuid("card-1"))).containsExactly("uuid: not a UUID: 'card-1'");
    }

    @Test
    void summaryIsRequiredAndShorterThan140Characters() {
        assertThat(CardConformance.problems(withSummary(" "))).containsExactly("summary: required");
        assertThat(CardConformance.problems(withSummary("x".repeat(139)))).isEmpty();
        assertThat(CardConformance.problems(withSummary("x".repeat(140))))
                .containsExactly("summary: 140 characters; must be fewer than 140");
    }

    @Test
    void indicatorIsRequired() {
        Card c = valid();
        Card card = new Card(c.uuid(), c.summary(), c.detail(), null, c.source(), c.suggestions(), c.selectionBehavior(),
                c.overrideReasons(), c.links());
        assertThat(CardConformance.problems(card)).containsExactly("indicator: required (info, warning or critical)");
    }

    @Test
    void sourceNeedsALabelAndAnAbsoluteUrl() {
        assertThat(CardConformance.problems(withSource(null))).containsExactly("source: required");
        assertThat(CardConformance.problems(withSource(new Source("", null, null)))).containsExactly("source.label: required");
        assertThat(CardConformance.problems(withSource(new Source("PrecisionRx", "/api/v1/model-cards/x", null))))
                .containsExactly("source.url: must be an absolute URL, got '/api/v1/model-cards/x'");
        assertThat(CardConformance.problems(withSource(new Source("PrecisionRx", null, new Coding(null, "pgx", "PGx")))))
                .containsExactly("source.topic: a topic coding needs a system and a code");
    }

    @Test
    void suggestionsNeedAValidSelectionBehavior() {
        Card c = valid();
        assertThat(CardConformance.problems(withSelection(c.suggestions(), null)))
                .containsExactly("selectionBehavior: required when suggestions are present");
        assertThat(CardConformance.problems(withSelection(c.suggestions(), "one")))
                .containsExactly("selectionBehavior: must be 'at-most-one' or 'any', got 'one'");
    }

    @Test
    void suggestionsNeedALabelAndADistinctUuid() {
        Suggestion unlabelled = new Suggestion(null, UUID_2, null, List.of(deleteDraft()));
        assertThat(CardConformance.problems(withSelection(List.of(unlabelled), Card.ANY)))
                .containsExactly("suggestions[0].label: required");
        Suggestion noUuid = new Suggestion("Remove", null, null, List.of(deleteDraft()));
        assertThat(CardConformance.problems(withSelection(List.of(noUuid), Card.ANY)))
                .containsExactly("suggestions[0].uuid: required");
        Suggestion a = new Suggestion("Remove", UUID_2, null, List.of(deleteDraft()));
        assertThat(CardConformance.problems(withSelection(List.of(a, a), Card.ANY)))
                .containsExactly("suggestions[1].uuid: repeats another suggestion's uuid");
    }

    @Test
    void atMostOneAllowsOnlyOneRecommendedSuggestion() {
        Suggestion a = new Suggestion("A", UUID_2, true, List.of(deleteDraft()));
        Suggestion b = new Suggestion("B", UUID_3, true, List.of(deleteDraft()));
        assertThat(CardConformance.problems(withSelection(List.of(a, b), Card.AT_MOST_ONE)))
                .containsExactly("suggestions: only one may be recommended when selectionBehavior is 'at-most-one'");
        assertThat(CardConformance.problems(withSelection(List.of(a, b), Card.ANY))).isEmpty();
    }

    @Test
    void actionsNeedAKnownTypeADescriptionAndTheirTarget() {
        assertThat(problemsOf(new Action("patch", "Change it", resource(), null)))
                .containsExactly("suggestions[0].actions[0].type: must be create, update or delete, got 'patch'");
        assertThat(problemsOf(new Action(Action.CREATE, "", resource(), null)))
                .containsExactly("suggestions[0].actions[0].description: required");
        assertThat(problemsOf(Action.create("Create it", null)))
                .containsExactly("suggestions[0].actions[0].resource: a FHIR resource (with resourceType) is required for create");
        assertThat(problemsOf(Action.update("Update it", new ObjectMapper().createObjectNode().put("id", "1"))))
                .containsExactly("suggestions[0].actions[0].resource: a FHIR resource (with resourceType) is required for update");
        assertThat(problemsOf(Action.delete("Remove it", null)))
                .containsExactly("suggestions[0].actions[0].resourceId: required for delete");
        assertThat(problemsOf(Action.delete("Remove it", "rx-1")))
                .containsExactly("suggestions[0].actions[0].resourceId: must be a relative reference like 'MedicationRequest/123', got 'rx-1'");
    }

    @Test
    void overrideReasonsNeedSystemCodeAndDisplay() {
        Card c = valid();
        Card card = new Card(c.uuid(), c.summary(), c.detail(), c.indicator(), c.source(), c.suggestions(),
                c.selectionBehavior(), List.of(new Coding(null, null, null)), c.links());
        assertThat(CardConformance.problems(card)).containsExactly(
                "overrideReasons[0].system: required", "overrideReasons[0].code: required", "overrideReasons[0].display: required");
    }

    @Test
    void linksNeedLabelAbsoluteUrlAndKnownType() {
        assertThat(problemsOfLink(new Link("", "https://app.example.org/launch", Link.SMART, null)))
                .containsExactly("links[0].label: required");
        assertThat(problemsOfLink(new Link("App", null, Link.SMART, null))).containsExactly("links[0].url: required");
        assertThat(problemsOfLink(new Link("App", "launch.html", Link.SMART, null)))
                .containsExactly("links[0].url: must be an absolute URL, got 'launch.html'");
        assertThat(problemsOfLink(new Link("App", "https://app.example.org/launch", "relative", null)))
                .containsExactly("links[0].type: must be 'absolute' or 'smart', got 'relative'");
        assertThat(problemsOfLink(new Link("Docs", "https://example.org/docs", Link.ABSOLUTE, "{\"a\":1}")))
                .containsExactly("links[0].appContext: only allowed on smart links");
        assertThat(problemsOfLink(new Link("App", "https://app.example.org/launch", Link.SMART, "{\"a\":1}"))).isEmpty();
    }

    private static List<String> problemsOf(Action action) {
        return CardConformance.problems(withSelection(List.of(new Suggestion("Do it", UUID_2, null, List.of(action))), Card.ANY));
    }

    private static List<String> problemsOfLink(Link link) {
        Card c = valid();
        return CardConformance.problems(new Card(c.uuid(), c.summary(), c.detail(), c.indicator(), c.source(),
                c.suggestions(), c.selectionBehavior(), c.overrideReasons(), List.of(link)));
    }

    private static Card valid() {
        return new Card(UUID_1, "Clopidogrel: avoid for this patient", "**Why:** CYP2C19 poor metabolizer.",
                Indicator.CRITICAL, Source.labelled("PrecisionRx dosage knowledge base 2026.11.0"),
                List.of(new Suggestion("Remove the order", UUID_2, null, List.of(deleteDraft()))), Card.AT_MOST_ONE,
                List.of(REASON), List.of(Link.absolute("CPIC guideline", "https://cpicpgx.org/guidelines/")));
    }

    private static Card withUuid(String uuid) {
        Card c = valid();
        return new Card(uuid, c.summary(), c.detail(), c.indicator(), c.source(), c.suggestions(), c.selectionBehavior(),
                c.overrideReasons(), c.links());
    }

    private static Card withSummary(String summary) {
        Card c = valid();
        return new Card(c.uuid(), summary, c.detail(), c.indicator(), c.source(), c.suggestions(), c.selectionBehavior(),
                c.overrideReasons(), c.links());
    }

    private static Card withSource(Source source) {
        Card c = valid();
        return new Card(c.uuid(), c.summary(), c.detail(), c.indicator(), source, c.suggestions(), c.selectionBehavior(),
                c.overrideReasons(), c.links());
    }

    private static Card withSelection(List<Suggestion> suggestions, String behavior) {
        Card c = valid();
        return new Card(c.uuid(), c.summary(), c.detail(), c.indicator(), c.source(), suggestions, behavior,
                c.overrideReasons(), c.links());
    }

    private static Action deleteDraft() {
        return Action.delete("Remove the draft order", "MedicationRequest/rx-1");
    }

    private static ObjectNode resource() {
        return new ObjectMapper().createObjectNode().put("resourceType", "MedicationRequest");
    }
}
