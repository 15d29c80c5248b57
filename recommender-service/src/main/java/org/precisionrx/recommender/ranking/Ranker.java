package org.precisionrx.recommender.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.precisionrx.common.v1.ModelInfo;
import org.precisionrx.dosage.v1.DoseStatus;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.client.DosageClient;
import org.precisionrx.recommender.client.Doses;
import org.precisionrx.recommender.config.RecommenderConfig;
import org.precisionrx.recommender.features.ProfileFeatures;
import org.precisionrx.recommender.model.ArmModel;
import org.precisionrx.recommender.model.IndicationModels;
import org.precisionrx.recommender.v1.Contribution;
import org.precisionrx.recommender.v1.RankedOption;
import org.precisionrx.recommender.v1.RecommendResponse;

/**
 * Ranks an indication's options for one patient: every arm and ensemble member scored in one
 * model call per outcome, every candidate's safety and dose asked of dosage-service in one call,
 * unsafe options moved to the bottom with their reason (never hidden), explanations attached.
 */
@ApplicationScoped
public class Ranker {

    private final DosageClient dosage;
    private final RecommenderConfig config;

    public Ranker(DosageClient dosage, RecommenderConfig config) {
        this.dosage = dosage;
        this.config = config;
    }

    /**
     * @param maxOptions how many ranked options to return, 0 for all
     * @param explain whether to attach explanations (integrated gradients: model calls of their own per option)
     * @param maxExplained with {@code explain}, explain only the first this many ranked options; 0 for every returned one
     */
    public RecommendResponse rank(PatientProfile profile, IndicationModels models, List<String> candidates,
            int maxOptions, boolean explain, int maxExplained) {
        RecommendResponse.Builder response = RecommendResponse.newBuilder()
                .setPatientId(profile.getPatientId())
                .setIndicationId(models.indication())
                .setModel(info(models.benefit()))
                .setAdverseEventModel(info(models.adverseEvents()))
                .setModelCardId(models.benefit().cardId());
        ProfileFeatures.Raw raw = ProfileFeatures.of(profile);
        raw.missing().forEach(fact -> response.addWarnings("incomplete profile: " + fact + " is not on file"));
        boolean modelBased = !profile.getConsent().getModelRecommendationsOptOut();
        response.setModelBased(modelBased);
        if (!modelBased) {
            response.addWarnings("the patient opted out of model-based recommendations: options are in guideline order"
                    + " (safety status, then formulary order) and carry no model estimates");
        }

        float[] encoded = models.encoder().encode(raw.columns());
        double[][] benefit = modelBased ? models.benefit().predict(new float[][] {encoded})[0] : null;
        double[][] harm = modelBased ? models.adverseEvents().predict(new float[][] {encoded})[0] : null;
        Doses doses = dosage.doses(profile, models.indication(), candidates);
        if (doses.results().isEmpty()) {
            response.setDegraded(true).addWarnings(doses.missing() + ": safety status and dose ranges are missing;"
                    + " check every option against the guidelines before prescribing");
        }

        List<RankedOption.Builder> options = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            int arm = models.arms().indexOf(candidates.get(i));
            RankedOption.Builder option = RankedOption.newBuilder().setDrugId(candidates.get(i));
            if (modelBased) {
                Estimates b = Estimates.of(benefit, arm);
                Estimates h = Estimates.of(harm, arm);
                option.setBenefit(estimate(b)).setAdverseEventRisk(estimate(h)).setScore(b.mean() * 100.0);
            }
            if (doses.results().isPresent()) {
                Safety.attach(option, doses.results().get().get(i));
            }
            options.add(option);
        }
        options.sort(order(modelBased, candidates));
        int limit = maxOptions > 0 ? Math.min(maxOptions, options.size()) : options.size();
        int explained = !modelBased || !explain ? 0 : maxExplained > 0 ? Math.min(maxExplained, limit) : limit;
        int[] explainedArms = options.subList(0, explained).stream()
                .mapToInt(option -> models.arms().indexOf(option.getDrugId())).toArray();
        List<List<Contribution>> explanations =
                Explainer.explain(models.benefit(), raw.columns(), encoded, explainedArms, config.explanationSteps());
        for (int rank = 0; rank < limit; rank++) {
            RankedOption.Builder option = options.get(rank).setRank(rank + 1);
            if (rank < explained) {
                explanations.get(rank).stream().limit(config.explanationFactors()).forEach(option::addExplanation);
            }
            response.addOptions(option);
        }
        return response.build();
    }

    /** Safe options first (by predicted benefit, or formulary order without a model), then avoid, then contraindicated. */
    private static Comparator<RankedOption.Builder> order(boolean modelBased, List<String> candidates) {
        Comparator<RankedOption.Builder> safety = Comparator.comparingInt(o -> Safety.demotion(o.getSafetyStatus()));
        return modelBased
                ? safety.thenComparing(Comparator.comparingDouble((RankedOption.Builder o) -> -o.getScore()))
                : safety.thenComparingInt(o -> candidates.indexOf(o.getDrugId()));
    }

    private static org.precisionrx.recommender.v1.Estimate estimate(Estimates e) {
        return org.precisionrx.recommender.v1.Estimate.newBuilder()
                .setMean(e.mean()).setLower(e.lower()).setUpper(e.upper()).build();
    }

    private static ModelInfo info(ArmModel model) {
        return ModelInfo.newBuilder().setName(model.featureSpec().name()).setVersion(model.version())
                .setSha256(model.sha256()).build();
    }

    static boolean unsafe(DoseStatus status) {
        return status == DoseStatus.DOSE_STATUS_AVOID || status == DoseStatus.DOSE_STATUS_CONTRAINDICATED;
    }
}
