package org.precisionrx.dosage.warfarin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.warfarin.WarfarinDataset.Example;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.io.Json;
import org.precisionrx.ml.serve.ExportedModel;
import org.precisionrx.ml.serve.PlainJavaMlp;
import org.precisionrx.testsupport.SharedData;

/** The committed artifact loads from the classpath, is what its card says, and TF agrees with plain Java. */
class WarfarinArtifactTest {

    static final Path COMMITTED = Path.of("src/main/resources", WarfarinArtifact.RESOURCE_DIR);
    private static WarfarinArtifact artifact;

    @BeforeAll
    static void load() {
        artifact = WarfarinArtifact.fromClasspath();
    }

    @AfterAll
    static void close() {
        artifact.close();
    }

    static String committedCardSha() throws java.io.IOException {
        return ModelCard.read(COMMITTED.resolve(ModelCard.FILE_NAME)).artifactSha256();
    }

    @Test
    void committedArtifactIsCompleteSmallAndMatchesItsCard() throws Exception {
        List<String> files;
        try (Stream<Path> walk = Files.walk(COMMITTED)) {
            files = walk.filter(Files::isRegularFile).map(p -> COMMITTED.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertThat(files).containsExactlyElementsOf(WarfarinArtifact.FILES);
        long bytes = 0;
        for (String f : files) {
            bytes += Files.size(COMMITTED.resolve(f));
        }
        assertThat(bytes).isLessThan(300_000);
        ModelCard card = artifact.card();
        assertThat(card.name()).isEqualTo(WarfarinModel.ID);
        assertThat(card.version()).isEqualTo(WarfarinTraining.VERSION);
        assertThat(card.created()).isEqualTo(WarfarinTraining.CREATED);
        assertThat(card.artifactSha256()).isEqualTo(ModelCard.artifactSha256(COMMITTED));
        ExportedModel model = Json.readFile(COMMITTED.resolve(ExportedModel.FILE_NAME), ExportedModel.class);
        assertThat(model.spec().outputWidth()).isEqualTo(3);
        assertThat(artifact.encoder().width()).isEqualTo(model.spec().inputWidth());
    }

    @Test
    void tensorFlowOutputEqualsPlainJavaForwardPass() throws Exception {
        List<Example> rows = WarfarinDataset.examples(IwpcCohort.read(SharedData.dir("data/iwpc/warfarin-train.csv")))
                .subList(0, 200);
        float[][] x = artifact.encode(rows.stream().map(Example::features).toList());
        float[][] tf = artifact.predictor().predict(x);
        PlainJavaMlp plain = artifact.predictor().plainJava();
        for (int i = 0; i < x.length; i++) {
            float[] expected = plain.predict(x[i]);
            for (int k = 0; k < 3; k++) {
                assertThat((double) tf[i][k]).as("row %d output %d", i, k).isCloseTo(expected[k], within(1e-5));
            }
            assertThat(tf[i][0]).isLessThanOrEqualTo(tf[i][1]);
            assertThat(tf[i][1]).isLessThanOrEqualTo(tf[i][2]);
        }
    }
}
