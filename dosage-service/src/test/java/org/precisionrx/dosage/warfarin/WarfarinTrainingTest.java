package org.precisionrx.dosage.warfarin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.io.Json;
import org.precisionrx.ml.serve.ExportedModel;
import org.precisionrx.testsupport.SharedData;

/**
 * Training is deterministic: the same seed gives the same bits, run after run. Across CPUs the
 * float kernels differ (AVX2 vs AVX-512), so the committed artifact is reproduced bit for bit
 * only on the kind of CPU it was trained on; elsewhere its architecture and its validation error
 * must match closely.
 */
class WarfarinTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void retrainingWithTheSameSeedGivesTheSameBits() throws Exception {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        WarfarinTraining.Result one = WarfarinTraining.train(SharedData.dir("data/iwpc/warfarin-train.csv"), first,
                WarfarinTraining.DEFAULT_SEED);
        WarfarinTraining.Result two = WarfarinTraining.train(SharedData.dir("data/iwpc/warfarin-train.csv"), second,
                WarfarinTraining.DEFAULT_SEED);

        assertThat(two.model().weightsSha256()).isEqualTo(one.model().weightsSha256());
        assertThat(ModelCard.artifactSha256(second)).isEqualTo(ModelCard.artifactSha256(first));
        for (String file : WarfarinArtifact.FILES) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void retrainingReproducesTheCommittedModel() throws Exception {
        Path committed = WarfarinArtifactTest.COMMITTED;
        WarfarinTraining.Result result = WarfarinTraining.train(SharedData.dir("data/iwpc/warfarin-train.csv"),
                tmp.resolve("warfarin"), WarfarinTraining.DEFAULT_SEED);
        ModelCard card = ModelCard.read(committed.resolve(ModelCard.FILE_NAME));
        ExportedModel model = Json.readFile(committed.resolve(ExportedModel.FILE_NAME), ExportedModel.class);
        if (result.model().weightsSha256().equals(model.weightsSha256())) {
            assertThat(result.card().artifactSha256()).isEqualTo(card.artifactSha256());
            return;
        }
        // Another CPU: the same model up to float rounding, so the same validation error closely.
        String mae = "model.mae_mg_week";
        assertThat(result.card().metrics().get(mae).value()).isCloseTo(card.metrics().get(mae).value(), within(0.25));
    }

    @Test
    void anotherSeedGivesOtherWeights() throws Exception {
        // Guards against a hash that ignores the data or the seed.
        WarfarinTraining.Result result = WarfarinTraining.train(SharedData.dir("data/iwpc/warfarin-train.csv"),
                tmp.resolve("seed7"), 7);
        ExportedModel model = Json.readFile(WarfarinArtifactTest.COMMITTED.resolve(ExportedModel.FILE_NAME), ExportedModel.class);
        assertThat(result.model().weightsSha256()).isNotEqualTo(model.weightsSha256());
    }
}
