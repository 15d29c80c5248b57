package org.precisionrx.gateway.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.recommender.v1.Contribution;
import org.precisionrx.recommender.v1.Estimate;
import org.precisionrx.recommender.v1.RankedOption;
import org.precisionrx.recommender.v1.RecommendResponse;

/**
 * Recommendations as a patient reads them: each option with its chance of helping and of a
 * serious side effect as "N in 100", the main reasons in words, and the safety note. No doses,
 * model internals or scores: those are for the care team.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PatientRecommendations(String indication, String basis, List<Option> options, List<String> notes) {

    static final String DISCUSS = "These options are for discussing with your care team. They are not a prescription.";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Option(int rank, String medicine, String chanceOfHelping, String chanceOfSeriousSideEffect,
            String safety, List<String> reasons) {
    }

    public static PatientRecommendations of(String indicationName, RecommendResponse response) {
        List<String> notes = new ArrayList<>();
        notes.add(DISCUSS);
        if (response.getDegraded()) {
            notes.add("Some safety information could not be checked just now; your care team will check it before prescribing.");
        }
        String basis = response.getModelBased()
                ? "Ranked by a computer model of how well each medicine is expected to work for people like you, checked against prescribing guidelines."
                : "Listed in the order the prescribing guidelines give, because you chose not to have computer-model recommendations.";
        return new PatientRecommendations(indicationName, basis,
                response.getOptionsList().stream().map(PatientRecommendations::option).toList(), notes);
    }

    private static Option option(RankedOption option) {
        return new Option(option.getRank(), option.getDrugId(),
                option.hasBenefit() ? inHundred(option.getBenefit(), "are expected to be helped by it") : null,
                option.hasAdverseEventRisk() ? inHundred(option.getAdverseEventRisk(), "are expected to have a serious side effect") : null,
                safety(option.getSafetyStatus()),
                option.getExplanationList().stream().limit(3).map(PatientRecommendations::reason).toList());
    }

    static String inHundred(Estimate estimate, String what) {
        long mean = Math.round(estimate.getMean() * 100);
        long low = Math.round(estimate.getLower() * 100);
        long high = Math.round(estimate.getUpper() * 100);
        return String.format(Locale.ROOT, "About %d in 100 people like you %s (likely between %d and %d in 100).",
                mean, what, low, high);
    }

    private static String reason(Contribution contribution) {
        String direction = contribution.getContribution() >= 0 ? "makes this medicine more likely to help"
                : "makes this medicine less likely to help";
        return contribution.getFeature() + ": " + direction + ".";
    }

    private static String safety(DoseStatus status) {
        return switch (status) {
            case DOSE_STATUS_STANDARD -> "No safety concern found for you at the usual dose.";
            case DOSE_STATUS_ADJUSTED -> "Suitable for you with a changed dose.";
            case DOSE_STATUS_AVOID -> "Guidelines advise against this medicine for you.";
            case DOSE_STATUS_CONTRAINDICATED -> "This medicine must not be used for you.";
            case DOSE_STATUS_INSUFFICIENT_DATA -> "Some information is missing, so safety could not be fully checked yet.";
            case DOSE_STATUS_OUT_OF_SCOPE -> "Adult dosing rules do not apply; your care team will decide.";
            default -> "Safety could not be checked just now.";
        };
    }
}
