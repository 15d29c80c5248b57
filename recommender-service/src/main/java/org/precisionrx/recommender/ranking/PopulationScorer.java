package org.precisionrx.recommender.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.precisionrx.common.v1.ItemError;
import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.profile.v1.GetProfilesRequest;
import org.precisionrx.profile.v1.GetProfilesResponse;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.recommender.client.ProfileClient;
import org.precisionrx.recommender.config.RecommenderConfig;
import org.precisionrx.recommender.features.ProfileFeatures;
import org.precisionrx.recommender.model.IndicationModels;
import org.precisionrx.recommender.v1.Estimate;
import org.precisionrx.recommender.v1.OptionScore;
import org.precisionrx.recommender.v1.PopulationScore;

/**
 * Population analytics: scores many patients for one indication. Profiles come a page at a time
 * from one GetProfiles call each; each batch of a page shares one model call per outcome, and each
 * patient's per-arm estimates are streamed, in the order asked, as soon as its batch is done. A
 * patient that cannot be scored (unknown, opted out) gets an error entry; the stream goes on.
 */
@ApplicationScoped
public class PopulationScorer {

    /** Profiles per GetProfiles call: patient-profile-service's maximum. */
    static final int PROFILE_PAGE = 500;

    private final ProfileClient profiles;
    private final RecommenderConfig config;

    public PopulationScorer(ProfileClient profiles, RecommenderConfig config) {
        this.profiles = profiles;
        this.config = config;
    }

    public void score(IndicationModels models, List<String> patientIds, int batchSize, Consumer<PopulationScore> out) {
        int size = batchSize > 0 ? Math.min(batchSize, 1024) : config.populationBatch();
        if (!patientIds.isEmpty()) {
            for (int i = 0; i < patientIds.size(); i += PROFILE_PAGE) {
                scoreListed(models, patientIds.subList(i, Math.min(i + PROFILE_PAGE, patientIds.size())), size, out);
            }
            return;
        }
        String token = "";
        do {
            GetProfilesResponse page = profiles.fetchMany(GetProfilesRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(PROFILE_PAGE).setPageToken(token)).build());
            List<Subject> subjects = page.getProfilesList().stream().map(p -> new Subject(p.getPatientId(), p)).toList();
            scoreInBatches(models, subjects, size, out);
            token = page.getNextPageToken();
        } while (!token.isEmpty());
    }

    /** Listed ids keep their order, duplicates included; an id not stored is a NOT_FOUND entry. */
    private void scoreListed(IndicationModels models, List<String> ids, int size, Consumer<PopulationScore> out) {
        GetProfilesResponse found = profiles.fetchMany(GetProfilesRequest.newBuilder().addAllPatientIds(ids).build());
        Map<String, PatientProfile> byId = found.getProfilesList().stream()
                .collect(Collectors.toMap(PatientProfile::getPatientId, Function.identity()));
        scoreInBatches(models, ids.stream().map(id -> new Subject(id, byId.get(id))).toList(), size, out);
    }

    private void scoreInBatches(IndicationModels models, List<Subject> subjects, int size, Consumer<PopulationScore> out) {
        for (int i = 0; i < subjects.size(); i += size) {
            scoreBatch(models, subjects.subList(i, Math.min(i + size, subjects.size())), out);
        }
    }

    /** Scores one batch in one model call per outcome and streams its entries in the batch's order. */
    private void scoreBatch(IndicationModels models, List<Subject> subjects, Consumer<PopulationScore> out) {
        PopulationScore[] entries = new PopulationScore[subjects.size()];
        List<Integer> scored = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            Subject subject = subjects.get(i);
            if (subject.profile() == null) {
                entries[i] = error(subject.id(), "NOT_FOUND", "patient " + subject.id() + " is not stored");
            } else if (subject.profile().getConsent().getModelRecommendationsOptOut()) {
                entries[i] = error(subject.id(), "FAILED_PRECONDITION", "the patient opted out of model-based recommendations");
            } else {
                rows.add(models.encoder().encode(ProfileFeatures.of(subject.profile()).columns()));
                scored.add(i);
            }
        }
        if (!rows.isEmpty()) {
            float[][] batch = rows.toArray(new float[0][]);
            double[][][] benefit = models.benefit().predict(batch);
            double[][][] harm = models.adverseEvents().predict(batch);
            for (int p = 0; p < scored.size(); p++) {
                int i = scored.get(p);
                PopulationScore.Builder score = PopulationScore.newBuilder().setPatientId(subjects.get(i).id());
                for (int arm = 0; arm < models.arms().size(); arm++) {
                    score.addScores(OptionScore.newBuilder()
                            .setDrugId(models.arms().get(arm))
                            .setBenefit(estimate(Estimates.of(benefit[p], arm)))
                            .setAdverseEventRisk(estimate(Estimates.of(harm[p], arm))));
                }
                entries[i] = score.build();
            }
        }
        for (PopulationScore entry : entries) {
            out.accept(entry);
        }
    }

    /** A patient to score: the id as asked, and the profile, or null when it is not stored. */
    private record Subject(String id, PatientProfile profile) {
    }

    private static PopulationScore error(String id, String code, String message) {
        return PopulationScore.newBuilder().setPatientId(id)
                .setError(ItemError.newBuilder().setCode(code).setMessage(message)).build();
    }

    private static Estimate estimate(Estimates e) {
        return Estimate.newBuilder().setMean(e.mean()).setLower(e.lower()).setUpper(e.upper()).build();
    }
}
