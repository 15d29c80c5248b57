package org.precisionrx.bench.scenario;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.precisionrx.bench.http.HttpSender.SuccessCheck;
import org.precisionrx.bench.load.Outcome;

/**
 * The CDS Hooks scenarios' {@link SuccessCheck}: when a downstream is busy or down, the gateway still
 * answers 200, with a warning card in place of the real cards. Such an answer is an error of its own
 * kind ({@value #KIND}, the card's summary as detail), not a success.
 */
final class DegradedCards {

    static final String KIND = "degraded card";

    /**
     * The summaries of the gateway's "unavailable" warning cards, exactly as
     * gateway/src/main/java/org/precisionrx/gateway/cdshooks/HookCards.java writes them
     * ({@code unavailable(...)} in {@code patientView} and {@code orders}): change them together.
     */
    static final Set<String> UNAVAILABLE_SUMMARIES = Set.of(
            "Treatment ranking is unavailable right now",
            "Dose checks are unavailable right now");

    static final SuccessCheck CHECK = DegradedCards::check;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DegradedCards() {
    }

    static Outcome check(String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.path("cards").isArray()) {
            return Outcome.error("unreadable answer", body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…");
        }
        for (JsonNode card : answer.path("cards")) {
            String summary = card.path("summary").asText();
            if (UNAVAILABLE_SUMMARIES.contains(summary)) {
                return Outcome.error(KIND, summary);
            }
        }
        return Outcome.OK;
    }
}
