package org.precisionrx.recommender.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.StatusRuntimeException;
import org.precisionrx.common.v1.ItemError;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.client.ProfileClient;
import org.precisionrx.recommender.config.RecommenderConfig;
import org.precisionrx.recommender.features.ProfileFeatures;
import org.precisionrx.recommender.model.IndicationModels;
import org.precisionrx.recommender.v1.Estimate;
import org.precisionrx.recommender.v1.OptionScore;
import org.precisionrx.recommender.v1.PopulationScore;

/**
 * Population analytics: scores many patients for one indication, in batches that share one model
 * call per outcome, and streams each patient's per-arm estimates as soon as its batch is done.
 * A patient that cannot be scored gets an error entry; the stream goes on.
 */
@ApplicationScoped
public class PopulationScorer {

    private static final int LIST_PAGE = 500;

    private final ProfileClient profiles;
    private final RecommenderConfig config;

    public PopulationScorer(ProfileClient profiles, RecommenderConfig config) {
        this.profiles = profiles;
        this.config = config;
    }

    public void score(IndicationModels models, List<String> patientIds, int batchSize, Consumer<PopulationScore> out) {
        int size = batchSize > 0 ? Math.min(batchSize, 1024) : config.populationBatch();
        if (!patientIds.isEmpty()) {
            for (int i = 0; i < patientIds.size(); i += size) {
                scoreBatch(models, patientIds.subList(i, Math.min(i + size, patientIds.size())), out);
            }
            return;
        }
        String token = "";
        do {
            Map.Entry<List<String>, String> page = profiles.page(token, LIST_PAGE);
            for (int i = 0; i < page.getKey().size(); i += size) {
                scoreBatch(models, page.getKey().subList(i, Math.min(i + size, page.getKey().size())), out);
            }
            token = page.getValue();
        } while (!token.isEmpty());
    }

    private void scoreBatch(IndicationModels models, List<String> ids, Consumer<PopulationScore> out) {
        List<String> scored = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (String id : ids) {
            try {
                PatientProfile profile = profiles.fetch(id);
                if (profile.getConsent().getModelRecommendationsOptOut()) {
                    out.accept(error(id, "FAILED_PRECONDITION", "the patient opted out of model-based recommendations"));
                    continue;
                }
                rows.add(models.encoder().encode(ProfileFeatures.of(profile).columns()));
                scored.add(id);
            } catch (StatusRuntimeException e) {
                out.accept(error(id, e.getStatus().getCode().name(), String.valueOf(e.getStatus().getDescription())));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        float[][] batch = rows.toArray(new float[0][]);
        double[][][] benefit = models.benefit().predict(batch);
        double[][][] harm = models.adverseEvents().predict(batch);
        for (int p = 0; p < scored.size(); p++) {
            PopulationScore.Builder score = PopulationScore.newBuilder().setPatientId(scored.get(p));
            for (int arm = 0; arm < models.arms().size(); arm++) {
                score.addScores(OptionScore.newBuilder()
                        .setDrugId(models.arms().get(arm))
                        .setBenefit(estimate(Estimates.of(benefit[p], arm)))
                        .setAdverseEventRisk(estimate(Estimates.of(harm[p], arm))));
            }
            out.accept(score.build());
        }
    }

    private static PopulationScore error(String id, String code, String message) {
        return PopulationScore.newBuilder().setPatientId(id)
                .setError(ItemError.newBuilder().setCode(code).setMessage(message)).build();
    }

    private static Estimate estimate(Estimates e) {
        return Estimate.newBuilder().setMean(e.mean()).setLower(e.lower()).setUpper(e.upper()).build();
    }
}
