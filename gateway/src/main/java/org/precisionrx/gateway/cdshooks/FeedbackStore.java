package org.precisionrx.gateway.cdshooks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import org.precisionrx.gateway.cdshooks.card.Card;
import org.precisionrx.gateway.cdshooks.feedback.CardFeedback;
import org.precisionrx.gateway.cdshooks.feedback.IssuedCard;
import org.precisionrx.gateway.problem.Problem.Violation;
import org.precisionrx.gateway.problem.ProblemException;

/** Remembers issued cards and stores the EHR's feedback on them, all or nothing per request. */
@ApplicationScoped
public class FeedbackStore {

    static final int MAX_ITEMS = 100;
    static final int MAX_COMMENT = 2000;

    public record Stored(String cardUuid, String patientId, String outcome) {
    }

    @Transactional
    public void issued(String serviceId, String issuer, String patientId, String hookInstance, List<Card> cards) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Card card : cards) {
            IssuedCard issued = new IssuedCard();
            issued.uuid = card.uuid();
            issued.serviceId = serviceId;
            issued.issuer = issuer;
            issued.patientId = patientId;
            issued.hookInstance = hookInstance;
            issued.indicator = card.indicator().name().toLowerCase(Locale.ROOT);
            issued.summary = card.summary();
            issued.issuedAt = now;
            issued.persist();
        }
    }

    @Transactional
    public List<Stored> store(String serviceId, String issuer, JsonNode body) {
        JsonNode items = body == null ? null : body.get("feedback");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw ProblemException.badRequest("feedback", "must be a list of 1 to " + MAX_ITEMS + " items");
        }
        List<Violation> violations = new ArrayList<>();
        List<CardFeedback> rows = new ArrayList<>();
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "feedback[" + i + "]";
            JsonNode item = items.get(i);
            String cardUuid = HookCall.text(item, "card");
            String outcome = HookCall.text(item, "outcome");
            IssuedCard card = cardUuid == null ? null : IssuedCard.findById(cardUuid);
            if (card == null || !card.serviceId.equals(serviceId) || !card.issuer.equals(issuer)) {
                violations.add(new Violation(at + ".card", "is not a card this service returned to this EHR"));
                continue;
            }
            if (!"accepted".equals(outcome) && !"overridden".equals(outcome)) {
                violations.add(new Violation(at + ".outcome", "must be accepted or overridden"));
                continue;
            }
            Instant when = timestamp(HookCall.text(item, "outcomeTimestamp"));
            if (when == null) {
                violations.add(new Violation(at + ".outcomeTimestamp", "is required: an ISO 8601 instant"));
                continue;
            }
            CardFeedback row = new CardFeedback();
            row.cardUuid = cardUuid;
            row.serviceId = serviceId;
            row.issuer = issuer;
            row.outcome = outcome;
            row.outcomeAt = when;
            row.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            JsonNode accepted = item.get("acceptedSuggestions");
            if (accepted != null && accepted.isArray()) {
                List<String> ids = new ArrayList<>();
                accepted.forEach(s -> {
                    String id = HookCall.text(s, "id");
                    if (id != null) {
                        ids.add(id);
                    }
                });
                row.acceptedSuggestions = String.join(",", ids);
            }
            JsonNode override = item.get("overrideReason");
            if (override != null && override.isObject()) {
                JsonNode reason = override.get("reason");
                row.overrideReasonSystem = HookCall.text(reason, "system");
                row.overrideReasonCode = HookCall.text(reason, "code");
                row.userComment = HookCall.text(override, "userComment");
                if (row.userComment != null && row.userComment.length() > MAX_COMMENT) {
                    violations.add(new Violation(at + ".overrideReason.userComment", "is longer than " + MAX_COMMENT + " characters"));
                    continue;
                }
            }
            if ("overridden".equals(outcome) && accepted != null && accepted.isArray() && !accepted.isEmpty()) {
                violations.add(new Violation(at + ".acceptedSuggestions", "must be empty when the card was overridden"));
                continue;
            }
            rows.add(row);
            stored.add(new Stored(cardUuid, card.patientId, outcome));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        rows.forEach(row -> row.persist());
        return stored;
    }

    private static Instant timestamp(String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
