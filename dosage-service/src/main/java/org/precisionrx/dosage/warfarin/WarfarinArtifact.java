package org.precisionrx.dosage.warfarin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.feature.FeatureEncoder;
import org.precisionrx.ml.serve.SavedModelPredictor;

/**
 * The exported warfarin model, loaded into a TF session: features in, weekly P10/P50/P90 out.
 * The network predicts quantiles of sqrt(weekly dose); squaring keeps them quantiles because the
 * map is monotone on [0, inf). Training evaluation, tests and the service all predict through here.
 * Thread-safe (the predictor is; the encoder is immutable).
 */
public final class WarfarinArtifact implements AutoCloseable {

    public static final String RESOURCE_DIR = "models/warfarin";
    /** Every file of the export; a SavedModel needs a directory, so the classpath copy lists them. */
    public static final List<String> FILES = List.of("feature-spec.json", "model-card.json", "model.json",
            "saved_model.pb", "variables/variables.data-00000-of-00001", "variables/variables.index");

    private final SavedModelPredictor predictor;
    private final FeatureEncoder encoder;
    private final ModelCard card;

    private WarfarinArtifact(SavedModelPredictor predictor, ModelCard card) {
        this.predictor = predictor;
        this.encoder = new FeatureEncoder(predictor.featureSpec());
        this.card = card;
    }

    /** Loads an export directory; the model card is optional (training evaluates before writing it). */
    public static WarfarinArtifact load(Path dir) throws IOException {
        Path cardFile = dir.resolve(ModelCard.FILE_NAME);
        ModelCard card = Files.exists(cardFile) ? ModelCard.read(cardFile) : null;
        return new WarfarinArtifact(SavedModelPredictor.load(dir), card);
    }

    /** Copies the committed artifact from the classpath to a temp dir, loads it, and removes the copy. */
    public static WarfarinArtifact fromClasspath() {
        ClassLoader loader = WarfarinArtifact.class.getClassLoader();
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("warfarin-model");
            for (String file : FILES) {
                try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + "/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("warfarin dose model artifact is incomplete: classpath resource "
                                + RESOURCE_DIR + "/" + file + " is missing (see README-warfarin.md to retrain it)");
                    }
                    Path target = tmp.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return load(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the warfarin dose model from the classpath", e);
        } finally {
            deleteQuietly(tmp); // the session holds the weights once loaded
        }
    }

    public ModelCard card() {
        return card;
    }

    public SavedModelPredictor predictor() {
        return predictor;
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    public float[][] encode(List<WarfarinFeatures> patients) {
        float[][] x = new float[patients.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = encoder.encode(patients.get(i).raw());
        }
        return x;
    }

    /** [P10, P50, P90] in mg/week for each patient, from one batched TF session call. */
    public double[][] predictWeekly(List<WarfarinFeatures> patients) {
        float[][] sqrt = predictor.predict(encode(patients));
        double[][] out = new double[sqrt.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = toWeekly(sqrt[i]);
        }
        return out;
    }

    /** Squares the sqrt-scale quantiles (sorted by the serving signature), clamping at 0 first. */
    public static double[] toWeekly(float[] sqrtQuantiles) {
        double[] out = new double[sqrtQuantiles.length];
        for (int k = 0; k < out.length; k++) {
            double r = Math.max(0, sqrtQuantiles[k]);
            out[k] = r * r;
        }
        return out;
    }

    @Override
    public void close() {
        predictor.close();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temp dir is harmless
        }
    }
}
