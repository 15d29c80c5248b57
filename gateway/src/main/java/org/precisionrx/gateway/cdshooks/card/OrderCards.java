package org.precisionrx.gateway.cdshooks.card;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.precisionrx.common.v1.DataGap;
import org.precisionrx.dosage.terminology.DrugCatalog;
import org.precisionrx.dosage.v1.Adjustment;
import org.precisionrx.dosage.v1.CheckDoseResponse;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.dosage.v1.ProposedOrder;
import org.precisionrx.dosage.v1.Verdict;
import org.precisionrx.gateway.cdshooks.order.DefaultDrugCatalog;
import org.precisionrx.gateway.cdshooks.order.DoseRate;
import org.precisionrx.gateway.cdshooks.order.DraftOrder;
import org.precisionrx.gateway.cdshooks.order.MedicationRequestDose;

/**
 * Cards for one draft medication order and dosage-service's check of it.
 *
 * <ul>
 * <li>within range, nothing adjusted: no card (silence is the right answer);</li>
 * <li>within range, adjusted: info, saying what was adjusted and why;</li>
 * <li>below or above range: warning, with a dose change when the target splits exactly;</li>
 * <li>avoid or contraindicated: critical, with one replacement per formulary alternative;</li>
 * <li>insufficient data or out of scope: info, naming what is missing or why no rule applies.</li>
 * </ul>
 */
public final class OrderCards {

    static final String SOURCE = "PrecisionRx dosage knowledge base";

    private OrderCards() {
    }

    public static List<Card> forOrder(DraftOrder order, CheckDoseResponse check) {
        return forOrder(order, check, DefaultDrugCatalog.get());
    }

    /** @param catalog decides which alternatives are formulary drugs a replacement order can name */
    public static List<Card> forOrder(DraftOrder order, CheckDoseResponse check, DrugCatalog catalog) {
        if (!order.checkable()) {
            return List.of(unreadable(order));
        }
        return switch (check.getVerdict()) {
            case VERDICT_WITHIN_RANGE -> adjustments(check).isEmpty() ? List.of() : List.of(withinAdjusted(order, check));
            case VERDICT_BELOW_RANGE, VERDICT_ABOVE_RANGE -> List.of(outOfRange(order, check));
            case VERDICT_AVOID, VERDICT_CONTRAINDICATED -> List.of(unsafe(order, check, catalog));
            case VERDICT_INSUFFICIENT_DATA -> List.of(insufficientData(order, check));
            case VERDICT_OUT_OF_SCOPE -> List.of(outOfScope(order, check));
            case VERDICT_UNSPECIFIED, UNRECOGNIZED -> List.of(noVerdict(order, check));
        };
    }

    /** An info card saying which order was not checked and why. */
    public static Card unreadable(DraftOrder order) {
        String why = order.problem() == null || order.problem().isBlank() ? "no reason was recorded" : order.problem();
        String detail = "**Order:** " + order.medicationName() + reference(order) + "\n\n"
                + "**Not checked because:** " + why + ".\n\n"
                + "PrecisionRx made no dose check for this order.";
        // The name goes last so that a long one is what the length limit cuts.
        return info("PrecisionRx could not check the order for " + order.medicationName(), detail,
                Source.labelled(SOURCE));
    }

    private static Card withinAdjusted(DraftOrder order, CheckDoseResponse check) {
        int n = adjustments(check).size();
        String summary = CardText.capitalised(DoseText.order(order.order())) + ": within the "
                + (check.getRecommendation().getStatus() == DoseStatus.DOSE_STATUS_ADJUSTED
                        ? "adjusted " : "")
                + "range; " + (n == 1 ? "1 adjustment applies" : n + " adjustments apply");
        return info(summary, detail(order, check, List.of()), source(check));
    }

    private static Card outOfRange(DraftOrder order, CheckDoseResponse check) {
        ProposedOrder proposed = order.order();
        String direction = check.getVerdict() == Verdict.VERDICT_BELOW_RANGE ? "below" : "above";
        String range = check.hasRecommended() && check.getRecommended().getHigh() > 0
                ? DoseText.recommended(check.getRecommended()) : "the recommended range";
        String summary = CardText.capitalised(DoseText.order(proposed)) + ": " + direction + " " + range;
        List<String> extra = new ArrayList<>();
        List<Suggestion> suggestions = new ArrayList<>();
        doseChange(order, check, extra).ifPresent(suggestions::add);
        return new Card(CardText.uuid(), CardText.summary(summary), detail(order, check, extra), Indicator.WARNING,
                source(check), suggestions, suggestions.isEmpty() ? null : Card.AT_MOST_ONE, OverrideReasons.ALL, List.of());
    }

    private static Optional<Suggestion> doseChange(DraftOrder order, CheckDoseResponse check, List<String> explain) {
        ProposedOrder proposed = order.order();
        if (!check.hasRecommended()) {
            explain.add("**No dose change suggested:** the check returned no recommended range.");
            return Optional.empty();
        }
        Optional<BigDecimal> each = DoseChange.perAdministration(proposed, check.getRecommended());
        String target = CardText.plain(check.getRecommended().getTarget()) + " " + check.getRecommended().getUnit();
        if (each.isEmpty()) {
            explain.add("**No dose change suggested:** the target of " + target + " cannot be given exactly as one "
                    + proposed.getUnit() + " amount " + DoseRate.words(proposed.getFrequency()) + "; choose the dose.");
            return Optional.empty();
        }
        if (order.resourceId() == null || MedicationRequestDose.quantity(order.resource()).isEmpty()) {
            explain.add("**No dose change suggested:** the order has no id to update.");
            return Optional.empty();
        }
        String newDose = each.get().toPlainString() + " " + proposed.getUnit() + " " + DoseRate.words(proposed.getFrequency());
        String description = "Change the dose of " + proposed.getDrugId() + " from " + DoseText.amount(proposed) + " to "
                + each.get().toPlainString() + " " + proposed.getUnit() + " (target " + target + "); nothing else changes.";
        String sig = order.resource().path("dosageInstruction").path(0).path("text").asText("");
        if (!sig.isBlank()) {
            description += " The order's written instructions (\"" + sig.strip() + "\") are not rewritten: update them too.";
        }
        description += " The medication product is unchanged: check that its strength suits the new dose.";
        explain.add("**Suggested change:** " + newDose + ", the recommended target of " + target + ".");
        return Optional.of(new Suggestion("Change the dose to " + newDose, CardText.uuid(), null, List.of(
                Action.update(description, MedicationRequestDose.withDoseValue(order.resource(), each.get())))));
    }

    private static Card unsafe(DraftOrder order, CheckDoseResponse check, DrugCatalog catalog) {
        boolean contraindicated = check.getVerdict() == Verdict.VERDICT_CONTRAINDICATED;
        String verdict = contraindicated ? "contraindicated" : "to be avoided";
        String drug = order.drugId();
        List<String> inFormulary = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (String alternative : check.getRecommendation().getAlternativesList()) {
            if (alternative.equals(drug)) {
                continue;
            }
            boolean known = catalog.identify(null, alternative).filter(alternative::equals).isPresent();
            (known ? inFormulary : elsewhere).add(alternative);
        }
        List<String> extra = new ArrayList<>();
        if (!inFormulary.isEmpty()) {
            extra.add("**Alternatives:** " + String.join(", ", inFormulary)
                    + ". A replacement order carries no dose: the prescriber must choose it.");
        }
        if (!elsewhere.isEmpty()) {
            extra.add("**Also named by the guideline (not in the PrecisionRx formulary):** " + String.join(", ", elsewhere) + ".");
        }
        List<Suggestion> suggestions = new ArrayList<>();
        if (order.resourceId() == null && !inFormulary.isEmpty()) {
            extra.add("**No replacement suggested:** the order has no id to remove.");
        } else {
            inFormulary.forEach(alternative -> suggestions.add(ReplacementOrders.suggestion(order, alternative, verdict)));
        }
        String consider = inFormulary.isEmpty() ? "" : "; consider " + String.join(" or ", inFormulary);
        String summary = CardText.capitalised(drug) + (contraindicated ? " is contraindicated" : " should be avoided")
                + " for this patient" + consider;
        return new Card(CardText.uuid(), CardText.summary(summary), detail(order, check, extra), Indicator.CRITICAL,
                source(check), suggestions, suggestions.isEmpty() ? null : Card.AT_MOST_ONE, OverrideReasons.ALL, List.of());
    }

    private static Card insufficientData(DraftOrder order, CheckDoseResponse check) {
        List<DataGap> gaps = check.getRecommendation().getGapsList();
        String missing = gaps.isEmpty() ? "data are missing"
                : "missing " + String.join(", ", gaps.stream().map(g -> words(g.getField())).toList());
        List<String> extra = new ArrayList<>();
        if (!gaps.isEmpty()) {
            extra.add("**Missing data:**\n" + bullets(gaps.stream()
                    .map(g -> "`" + g.getField() + "`" + (g.getReason().isBlank() ? "" : ": " + g.getReason())).toList()));
        }
        return info(CardText.capitalised(order.drugId()) + " dose not checked: " + missing,
                detail(order, check, extra), source(check));
    }

    private static Card outOfScope(DraftOrder order, CheckDoseResponse check) {
        // No range or regimen here: adult dosing rules say nothing about this patient's dose.
        String detail = "**Order:** " + DoseText.order(order.order()) + reference(order) + "\n\n"
                + "Adult dosing rules do not apply to this patient, so PrecisionRx states no dose."
                + section("**Why:**", check.getReasonsList())
                + version(check);
        return info(CardText.capitalised(order.drugId()) + " dose not checked: adult dosing rules do not apply to this patient",
                detail, source(check));
    }

    private static Card noVerdict(DraftOrder order, CheckDoseResponse check) {
        return info(CardText.capitalised(order.drugId()) + ": the dose check gave no verdict",
                detail(order, check, List.of("PrecisionRx made no judgement on this dose.")), source(check));
    }

    private static String detail(DraftOrder order, CheckDoseResponse check, List<String> extra) {
        StringBuilder text = new StringBuilder("**Order:** " + DoseText.order(order.order()) + reference(order));
        if (check.hasComputedDailyDose() && check.getComputedDailyDose().getValue() > 0) {
            text.append(" = ").append(CardText.plain(check.getComputedDailyDose().getValue())).append(' ')
                    .append(check.getComputedDailyDose().getUnit());
        }
        if (check.hasRecommended() && check.getRecommended().getHigh() > 0) {
            text.append("\n\n**Recommended:** ").append(DoseText.range(check.getRecommended()));
            if (check.getRecommended().getMaxDaily() > 0) {
                text.append(", maximum ").append(CardText.plain(check.getRecommended().getMaxDaily()))
                        .append(' ').append(check.getRecommended().getUnit());
            }
            if (!check.getRecommended().getRoute().isBlank()) {
                text.append(", ").append(check.getRecommended().getRoute());
            }
        }
        DoseRecommendation rec = check.getRecommendation();
        if (!rec.getRegimen().isBlank()) {
            text.append("\n\n**Regimen:** ").append(rec.getRegimen());
        }
        text.append(section("**Why:**", reasonsNotRepeated(check)));
        text.append(section("**Adjustments:**", adjustments(check).stream().map(OrderCards::adjustment).toList()));
        text.append(section("**Warnings:**", rec.getWarningsList()));
        extra.forEach(e -> text.append("\n\n").append(e));
        return text.append(version(check)).toString();
    }

    private static String adjustment(Adjustment a) {
        StringBuilder line = new StringBuilder(a.getReason().isBlank() ? a.getRuleId() : a.getReason());
        if (!a.getEffect().isBlank()) {
            line.append(" Effect: ").append(a.getEffect()).append('.');
        }
        if (!a.getRecommendationStrength().isBlank()) {
            line.append(" Strength: ").append(a.getRecommendationStrength()).append('.');
        }
        if (a.hasSource()) {
            String source = Evidence.line(a.getSource());
            if (!source.isEmpty()) {
                line.append(" Source: ").append(source).append('.');
            }
        }
        return line.toString();
    }

    /** The service repeats each adjustment's reason among its reasons; the adjustments list says it once, with the source. */
    private static List<String> reasonsNotRepeated(CheckDoseResponse check) {
        return check.getReasonsList().stream()
                .filter(reason -> adjustments(check).stream()
                        .noneMatch(a -> !a.getReason().isBlank() && reason.startsWith(a.getReason())))
                .toList();
    }

    private static List<Adjustment> adjustments(CheckDoseResponse check) {
        return check.getRecommendation().getAdjustmentsList();
    }

    private static Card info(String summary, String detail, Source source) {
        return new Card(CardText.uuid(), CardText.summary(summary), detail, Indicator.INFO, source, List.of(), null,
                List.of(), List.of());
    }

    private static Source source(CheckDoseResponse check) {
        String version = knowledgeBaseVersion(check);
        return Source.labelled(version.isBlank() ? SOURCE : SOURCE + " " + version);
    }

    private static String knowledgeBaseVersion(CheckDoseResponse check) {
        return !check.getKnowledgeBaseVersion().isBlank() ? check.getKnowledgeBaseVersion()
                : check.getRecommendation().getKnowledgeBaseVersion();
    }

    private static String version(CheckDoseResponse check) {
        String version = knowledgeBaseVersion(check);
        return version.isBlank() ? "" : "\n\nKnowledge base " + version + ".";
    }

    private static String reference(DraftOrder order) {
        return order.reference() == null ? "" : " (" + order.reference() + ")";
    }

    private static String section(String title, List<String> lines) {
        return lines.isEmpty() ? "" : "\n\n" + title + "\n" + bullets(lines);
    }

    private static String bullets(List<String> lines) {
        return String.join("\n", lines.stream().map(l -> "- " + l.strip()).toList());
    }

    /** "labs.serum_creatinine" as "serum creatinine". */
    private static String words(String field) {
        return field.substring(field.lastIndexOf('.') + 1).replace('_', ' ');
    }
}
