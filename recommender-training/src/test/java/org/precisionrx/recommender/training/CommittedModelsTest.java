package org.precisionrx.recommender.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.precisionrx.dosage.engine.DoseEngine;
import org.precisionrx.dosage.kb.KnowledgeBaseLoader;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.causal.MultiArmModel;
import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.Indication;

/**
 * Re-evaluates the models committed in recommender-service on their held-out simulated cohort
 * (regenerated from the seed, never used in training), instead of trusting the model cards.
 */
class CommittedModelsTest {

    private static final Path MODELS = Path.of(System.getProperty("prx.models.dir",
            "../recommender-service/src/main/resources/models/ranking"));
    private static final DoseEngine ENGINE = new DoseEngine(KnowledgeBaseLoader.loadDefault(), List.of());

    /** The bar: the model's regret is at most a quarter of the guideline-rules baseline's. */
    private static final double MAX_REGRET_RATIO = 0.25;

    @ParameterizedTest
    @EnumSource(Indication.class)
    void regretAgainstTheOracleAndTheBaselines(Indication indication) throws IOException {
        Path dir = MODELS.resolve(indication.id).resolve("benefit");
        List<CohortRow> holdout = RankingTraining.holdout(indication, TrainingCohorts.SEED);
        float[][] x;
        try (MultiArmModel model = MultiArmModel.load(dir)) {
            assertThat(model.arms()).isEqualTo(indication.arms);
            x = model.encoder().encodeAll(holdout.stream().map(SimulatedRow::columns).toList());
        }
        Evaluation.Result result = Evaluation.benefit(indication, holdout, RankingTraining.means(dir, x),
                TrainingCohorts.popularity(indication), ENGINE);

        double model = result.overall().get("regret_model").value();
        double guideline = result.overall().get("regret_guideline").value();
        assertThat(model).as("model regret below most-prescribed")
                .isLessThan(result.overall().get("regret_most_prescribed").value());
        assertThat(model / guideline).as(indication.id + " regret ratio (model %.4f, guideline %.4f)", model, guideline)
                .isLessThanOrEqualTo(MAX_REGRET_RATIO);
        assertThat(result.overall().get("auc").value()).isGreaterThan(0.5);

        ModelCard card = ModelCard.read(dir.resolve(ModelCard.FILE_NAME));
        assertThat(card.metrics().get("regret_model").value()).isCloseTo(model, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(card.artifactSha256()).isEqualTo(ModelCard.artifactSha256(dir));
        assertThat(card.subgroupMetrics()).containsKeys("age_band", "sex", "ancestry");
    }
}
