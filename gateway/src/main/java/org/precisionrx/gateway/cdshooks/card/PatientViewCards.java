package org.precisionrx.gateway.cdshooks.card;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.precisionrx.common.v1.Citation;
import org.precisionrx.common.v1.ModelInfo;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.recommender.v1.Contribution;
import org.precisionrx.recommender.v1.Estimate;
import org.precisionrx.recommender.v1.RankedOption;
import org.precisionrx.recommender.v1.RecommendResponse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The patient-view card for one indication: the recommender's ranking as a short table, why the
 * first option ranks first, and the evidence. Every number shown is one the response carries;
 * what it does not carry is said to be missing, never filled in.
 */
public final class PatientViewCards {

    /** Where the gateway serves model cards, relative to its public base URL. */
    public static final String MODEL_CARD_PATH = "/api/v1/model-cards/";

    static final int TABLE_ROWS = 3;

    /**
     * How many ranked options the card explains: only the first ("Why X ranks first"). Callers ask
     * the recommender for no more, since every explanation costs it model calls of its own.
     */
    public static final int EXPLAINED_OPTIONS = 1;

    private PatientViewCards() {
    }

    /** The card without a model-card source URL (the spec wants it absolute, and the base is unknown here). */
    public static Card forIndication(String indicationName, RecommendResponse response, String smartLaunchUrl) {
        return forIndication(indicationName, response, smartLaunchUrl, null);
    }

    /**
     * @param smartLaunchUrl the SMART launch URL of the PrecisionRx app, or null for no link
     * @param publicBaseUrl the gateway's absolute public URL (e.g. "https://rx.example.org"), or null
     */
    public static Card forIndication(String indicationName, RecommendResponse response, String smartLaunchUrl,
            String publicBaseUrl) {
        String indication = indicationName == null || indicationName.isBlank() ? response.getIndicationId() : indicationName;
        String modelCardPath = MODEL_CARD_PATH + URLEncoder.encode(response.getIndicationId(), StandardCharsets.UTF_8);
        String modelCardUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.replaceAll("/+$", "") + modelCardPath;
        List<Link> links = smartLaunchUrl == null || smartLaunchUrl.isBlank() ? List.of()
                : List.of(new Link("Open PrecisionRx for this patient", smartLaunchUrl, Link.SMART,
                        // Lets the launched app open on this indication.
                        JsonNodeFactory.instance.objectNode().put("indicationId", response.getIndicationId()).toString()));
        return new Card(CardText.uuid(), summary(indication, response), detail(response, modelCardUrl == null ? modelCardPath : null),
                indicator(response), new Source("PrecisionRx", modelCardUrl, null), List.of(), null, List.of(), links);
    }

    static Indicator indicator(RecommendResponse response) {
        boolean topUnsafe = response.getOptionsCount() > 0 && unsafe(response.getOptions(0).getSafetyStatus());
        return topUnsafe || response.getDegraded() ? Indicator.WARNING : Indicator.INFO;
    }

    private static String summary(String indication, RecommendResponse response) {
        if (response.getOptionsCount() == 0) {
            return CardText.summary(indication + ": no treatment options could be ranked");
        }
        RankedOption top = response.getOptions(0);
        String count = response.getOptionsCount() == 1 ? "1 option" : response.getOptionsCount() + " options";
        String ranking = response.getModelBased()
                ? top.getDrugId() + " ranked first of " + count
                : top.getDrugId() + " first of " + count + " in guideline order";
        String caveat = unsafe(top.getSafetyStatus()) ? ", but marked " + status(top.getSafetyStatus())
                : response.getDegraded() ? " (partial answer)" : "";
        return CardText.summary(indication + ": " + ranking + caveat);
    }

    private static String detail(RecommendResponse response, String relativeModelCard) {
        List<String> parts = new ArrayList<>();
        parts.add(ranking(response));
        if (response.getDegraded()) {
            parts.add("**Partial answer:** a service PrecisionRx depends on did not answer; see the notes below.");
        }
        if (response.getOptionsCount() > 0) {
            parts.add(table(response));
            explanation(response.getOptions(0)).ifPresent(parts::add);
        }
        if (!response.getWarningsList().isEmpty()) {
            parts.add("**Notes:**\n" + bullets(response.getWarningsList()));
        }
        List<String> evidence = Evidence.lines(citations(response));
        if (!evidence.isEmpty()) {
            parts.add("**Evidence:**\n" + bullets(evidence));
        }
        if (relativeModelCard != null) {
            parts.add("Model card: `" + relativeModelCard + "` on the PrecisionRx gateway.");
        }
        return String.join("\n\n", parts);
    }

    private static String ranking(RecommendResponse response) {
        if (!response.getModelBased()) {
            return "**Ranking:** guideline order, not model-based (the patient opted out of model-based"
                    + " recommendations, or no model applies); the options carry no model estimates.";
        }
        String text = "**Ranking:** model-based, by predicted benefit" + model(" from ", response.getModel());
        if (response.hasAdverseEventModel()) {
            text += "; adverse-event risk" + model(" from ", response.getAdverseEventModel());
        }
        return text + ".";
    }

    private static String model(String prefix, ModelInfo model) {
        if (model.getName().isBlank()) {
            return "";
        }
        return prefix + "model `" + model.getName() + "`" + (model.getVersion().isBlank() ? "" : " version `" + model.getVersion() + "`");
    }

    private static String table(RecommendResponse response) {
        StringBuilder table = new StringBuilder(
                "| # | Option | Benefit (90% interval) | Adverse-event risk (90% interval) | Safety | Dose |\n"
                        + "|---|---|---|---|---|---|");
        response.getOptionsList().stream().limit(TABLE_ROWS).forEach(option -> table.append("\n| ")
                .append(option.getRank() > 0 ? String.valueOf(option.getRank()) : "–").append(" | ")
                .append(CardText.cell(option.getDrugId())).append(" | ")
                .append(option.hasBenefit() ? estimate(option.getBenefit()) : "not estimated").append(" | ")
                .append(option.hasAdverseEventRisk() ? estimate(option.getAdverseEventRisk()) : "not estimated").append(" | ")
                .append(CardText.cell(safety(option))).append(" | ")
                .append(CardText.cell(dose(option, response.getDegraded()))).append(" |"));
        if (response.getOptionsCount() > TABLE_ROWS) {
            table.append("\n\n").append(response.getOptionsCount() - TABLE_ROWS).append(" more option(s) in PrecisionRx.");
        }
        return table.toString();
    }

    private static String estimate(Estimate e) {
        return CardText.percent(e.getMean()) + " (" + CardText.percentNumber(e.getLower()) + "–" + CardText.percent(e.getUpper()) + ")";
    }

    private static String safety(RankedOption option) {
        String status = status(option.getSafetyStatus());
        return option.getSafetyReason().isBlank() ? status : status + ": " + option.getSafetyReason();
    }

    private static String dose(RankedOption option, boolean degraded) {
        if (!option.hasDose()) {
            return degraded ? "dose ranges unavailable" : "no dose range given";
        }
        DoseRecommendation dose = option.getDose();
        List<String> parts = new ArrayList<>();
        if (dose.hasDailyRange() && dose.getDailyRange().getHigh() > 0) {
            parts.add(DoseText.range(dose.getDailyRange()));
        }
        if (!dose.getRegimen().isBlank()) {
            parts.add(dose.getRegimen());
        }
        return parts.isEmpty() ? "no dose range given" : String.join("; ", parts);
    }

    private static Optional<String> explanation(RankedOption top) {
        if (top.getExplanationList().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("**Why " + top.getDrugId()
                + " ranks first** (contribution to its predicted benefit, in percentage points):");
        for (Contribution c : top.getExplanationList()) {
            text.append("\n- ").append(c.getFeature());
            if (!c.getValue().isBlank()) {
                text.append(" = ").append(c.getValue());
            }
            text.append(": ").append(CardText.signedPoints(c.getContribution()));
        }
        return Optional.of(text.toString());
    }

    private static List<Citation> citations(RecommendResponse response) {
        List<Citation> citations = new ArrayList<>();
        response.getOptionsList().stream().limit(TABLE_ROWS).forEach(option -> {
            citations.addAll(option.getCitationsList());
            option.getDose().getAdjustmentsList().forEach(a -> {
                if (a.hasSource()) {
                    citations.add(a.getSource());
                }
            });
        });
        return citations;
    }

    private static String bullets(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(text.isEmpty() ? "" : "\n").append("- ").append(line));
        return text.toString();
    }

    static boolean unsafe(DoseStatus status) {
        return status == DoseStatus.DOSE_STATUS_AVOID || status == DoseStatus.DOSE_STATUS_CONTRAINDICATED;
    }

    static String status(DoseStatus status) {
        return switch (status) {
            case DOSE_STATUS_STANDARD -> "standard dose";
            case DOSE_STATUS_ADJUSTED -> "adjusted dose";
            case DOSE_STATUS_AVOID -> "avoid";
            case DOSE_STATUS_CONTRAINDICATED -> "contraindicated";
            case DOSE_STATUS_INSUFFICIENT_DATA -> "insufficient data";
            case DOSE_STATUS_OUT_OF_SCOPE -> "out of scope";
            case DOSE_STATUS_UNSPECIFIED, UNRECOGNIZED -> "not assessed";
        };
    }
}
