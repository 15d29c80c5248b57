package org.precisionrx.gateway.cdshooks.card;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a card against the CDS Hooks 2.0.1 card rules, and against the two this project adds:
 * every card and suggestion has a uuid (the feedback endpoint needs them). Each problem is one
 * line naming the field, so a test failure or a log line says what to fix.
 */
public final class CardConformance {

    /** The spec's limit: summary is "&lt;140-character". */
    public static final int SUMMARY_LIMIT = 140;

    private static final Set<String> SELECTION_BEHAVIORS = Set.of(Card.AT_MOST_ONE, Card.ANY);
    private static final Set<String> ACTION_TYPES = Set.of(Action.CREATE, Action.UPDATE, Action.DELETE);
    private static final Set<String> LINK_TYPES = Set.of(Link.ABSOLUTE, Link.SMART);
    private static final Pattern UUID_TEXT = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");
    private static final Pattern RELATIVE_REFERENCE = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");

    private CardConformance() {
    }

    /** Every rule the card breaks; empty when it conforms. */
    public static List<String> problems(Card card) {
        List<String> problems = new ArrayList<>();
        if (card == null) {
            problems.add("card: missing");
            return problems;
        }
        uuid("uuid", card.uuid(), problems);
        summary(card.summary(), problems);
        if (card.indicator() == null) {
            problems.add("indicator: required (info, warning or critical)");
        }
        source(card.source(), problems);
        suggestions(card, problems);
        overrideReasons(card.overrideReasons(), problems);
        links(card.links(), problems);
        return problems;
    }

    private static void summary(String summary, List<String> problems) {
        if (blank(summary)) {
            problems.add("summary: required");
        } else if (summary.codePointCount(0, summary.length()) >= SUMMARY_LIMIT) {
            problems.add("summary: " + summary.codePointCount(0, summary.length())
                    + " characters; must be fewer than " + SUMMARY_LIMIT);
        }
    }

    private static void source(Source source, List<String> problems) {
        if (source == null) {
            problems.add("source: required");
            return;
        }
        if (blank(source.label())) {
            problems.add("source.label: required");
        }
        if (source.url() != null && !absoluteHttpUrl(source.url())) {
            problems.add("source.url: must be an absolute URL, got '" + source.url() + "'");
        }
        if (source.topic() != null && (blank(source.topic().code()) || blank(source.topic().system()))) {
            problems.add("source.topic: a topic coding needs a system and a code");
        }
    }

    private static void suggestions(Card card, List<String> problems) {
        String behavior = card.selectionBehavior();
        if (!card.suggestions().isEmpty() && blank(behavior)) {
            problems.add("selectionBehavior: required when suggestions are present");
        }
        if (!blank(behavior) && !SELECTION_BEHAVIORS.contains(behavior)) {
            problems.add("selectionBehavior: must be 'at-most-one' or 'any', got '" + behavior + "'");
        }
        Set<String> uuids = new HashSet<>();
        int recommended = 0;
        for (int i = 0; i < card.suggestions().size(); i++) {
            Suggestion suggestion = card.suggestions().get(i);
            String at = "suggestions[" + i + "]";
            if (suggestion == null) {
                problems.add(at + ": missing");
                continue;
            }
            if (blank(suggestion.label())) {
                problems.add(at + ".label: required");
            }
            uuid(at + ".uuid", suggestion.uuid(), problems);
            if (suggestion.uuid() != null && !uuids.add(suggestion.uuid())) {
                problems.add(at + ".uuid: repeats another suggestion's uuid");
            }
            if (Boolean.TRUE.equals(suggestion.isRecommended())) {
                recommended++;
            }
            for (int j = 0; j < suggestion.actions().size(); j++) {
                action(at + ".actions[" + j + "]", suggestion.actions().get(j), problems);
            }
        }
        if (Card.AT_MOST_ONE.equals(behavior) && recommended > 1) {
            problems.add("suggestions: only one may be recommended when selectionBehavior is 'at-most-one'");
        }
    }

    private static void action(String at, Action action, List<String> problems) {
        if (action == null) {
            problems.add(at + ": missing");
            return;
        }
        if (!ACTION_TYPES.contains(action.type())) {
            problems.add(at + ".type: must be create, update or delete, got '" + action.type() + "'");
        }
        if (blank(action.description())) {
            problems.add(at + ".description: required");
        }
        boolean writes = Action.CREATE.equals(action.type()) || Action.UPDATE.equals(action.type());
        if (writes && !isResource(action.resource())) {
            problems.add(at + ".resource: a FHIR resource (with resourceType) is required for " + action.type());
        }
        if (Action.DELETE.equals(action.type())) {
            if (blank(action.resourceId())) {
                problems.add(at + ".resourceId: required for delete");
            } else if (!RELATIVE_REFERENCE.matcher(action.resourceId()).matches()) {
                problems.add(at + ".resourceId: must be a relative reference like 'MedicationRequest/123', got '"
                        + action.resourceId() + "'");
            }
        }
    }

    private static void overrideReasons(List<Coding> reasons, List<String> problems) {
        for (int i = 0; i < reasons.size(); i++) {
            Coding reason = reasons.get(i);
            String at = "overrideReasons[" + i + "]";
            if (reason == null) {
                problems.add(at + ": missing");
                continue;
            }
            if (blank(reason.system())) {
                problems.add(at + ".system: required");
            }
            if (blank(reason.code())) {
                problems.add(at + ".code: required");
            }
            // The spec: "the CDS Service MUST populate a display value for each reason's Coding".
            if (blank(reason.display())) {
                problems.add(at + ".display: required");
            }
        }
    }

    private static void links(List<Link> links, List<String> problems) {
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            String at = "links[" + i + "]";
            if (link == null) {
                problems.add(at + ": missing");
                continue;
            }
            if (blank(link.label())) {
                problems.add(at + ".label: required");
            }
            if (blank(link.url())) {
                problems.add(at + ".url: required");
            } else if (!absoluteHttpUrl(link.url())) {
                problems.add(at + ".url: must be an absolute URL, got '" + link.url() + "'");
            }
            if (!LINK_TYPES.contains(link.type())) {
                problems.add(at + ".type: must be 'absolute' or 'smart', got '" + link.type() + "'");
            }
            if (!blank(link.appContext()) && !Link.SMART.equals(link.type())) {
                problems.add(at + ".appContext: only allowed on smart links");
            }
        }
    }

    private static void uuid(String at, String value, List<String> problems) {
        if (blank(value)) {
            problems.add(at + ": required");
            return;
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            problems.add(at + ": not a UUID: '" + value + "'");
        }
    }

    private static boolean isResource(JsonNode resource) {
        return resource != null && resource.isObject() && resource.path("resourceType").isTextual()
                && !resource.path("resourceType").asText().isBlank();
    }

    private static boolean absoluteHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
