package org.precisionrx.dosage.warfarin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.io.Json;
import org.precisionrx.ml.serve.ExportedModel;
import org.precisionrx.testsupport.SharedData;

/** Retraining on the full training file with the committed seed reproduces the committed artifact bit for bit. */
class WarfarinTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void retrainingWithTheSameSeedReproducesTheCommittedArtifact() throws Exception {
        Path committed = WarfarinArtifactTest.COMMITTED;
        Path out = tmp.resolve("warfarin");
        WarfarinTraining.Result result = WarfarinTraining.train(SharedData.dir("data/iwpc/warfarin-train.csv"), out,
                WarfarinTraining.DEFAULT_SEED);

        ExportedModel model = Json.readFile(committed.resolve(ExportedModel.FILE_NAME), ExportedModel.class);
        assertThat(result.model().weightsSha256()).isEqualTo(model.weightsSha256());
        assertThat(result.card().artifactSha256())
                .isEqualTo(ModelCard.artifactSha256(out))
                .isEqualTo(ModelCard.read(committed.resolve(ModelCard.FILE_NAME)).artifactSha256());
        for (String file : WarfarinArtifact.FILES) {
            assertThat(Files.readAllBytes(out.resolve(file))).as(file).isEqualTo(Files.readAllBytes(committed.resolve(file)));
        }
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
