package org.precisionrx.dosage.warfarin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.precisionrx.dosage.warfarin.WarfarinDataset.Example;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.feature.FeatureEncoder;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.nn.Activation;
import org.precisionrx.ml.nn.MlpSpec;
import org.precisionrx.ml.serve.PlainJavaMlp;
import org.precisionrx.ml.serve.SavedModelExport;
import org.precisionrx.ml.train.PinballLoss;
import org.precisionrx.ml.train.TrainConfig;
import org.precisionrx.ml.train.Trainer;
import org.precisionrx.ml.train.TrainedModel;

/**
 * Trains the warfarin dose model and writes the artifact (SavedModel, feature spec, model.json,
 * model card). Everything is seeded and {@code created} is a constant, so the same command on the
 * same data reproduces the committed files bit for bit. See README-warfarin.md for the command.
 */
public final class WarfarinTraining {

    public static final String MODEL_NAME = "warfarin-iwpc";
    public static final String VERSION = "1.0.0";
    /** Fixed creation stamp: a clock value would make every retrain differ. */
    public static final String CREATED = "2026-01-01T00:00:00Z";
    public static final long DEFAULT_SEED = 42;
    static final double MISCOVERAGE = 0.2; // P10-P90 is an 80% interval

    /** Architecture and optimiser settings; change them here (and bump VERSION) when retuning. */
    static MlpSpec architecture(int inputWidth) {
        return new MlpSpec(inputWidth, List.of(32, 16), Activation.RELU, 3, 0.0);
    }

    static TrainConfig config(long seed) {
        return new TrainConfig(seed, 300, 64, 3e-3, 25, 0.0);
    }

    private WarfarinTraining() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        Path cohort = Path.of(required(opts, "--cohort"));
        Path out = Path.of(required(opts, "--out"));
        long seed = Long.parseLong(opts.getOrDefault("--seed", Long.toString(DEFAULT_SEED)));
        long start = System.nanoTime();
        Result result = train(cohort, out, seed);
        System.out.printf("trained in %.1f s (%d epochs, best %d)%n", (System.nanoTime() - start) / 1e9,
                result.model().history().epochsRun(), result.model().history().bestEpoch() + 1);
        System.out.println("interval widening (sqrt mg/week): " + result.widening());
        System.out.println("weights sha256:  " + result.model().weightsSha256());
        System.out.println("artifact sha256: " + result.card().artifactSha256());
        result.card().metrics().forEach((k, m) -> System.out.printf("  %-24s %8.4f [%.4f, %.4f] n=%d%n",
                k, m.value(), m.lower95(), m.upper95(), m.n()));
    }

    /** What a training run produced: the (calibrated) model, the interval widening and the card. */
    public record Result(TrainedModel model, double widening, ModelCard card) {
    }

    public static Result train(Path cohortCsv, Path out, long seed) throws IOException {
        WarfarinDataset data = WarfarinDataset.load(cohortCsv, seed);
        FeatureSpec spec = FeatureSpec.fit(MODEL_NAME, 1, raw(data.fit()), WarfarinFeatures.definitions());
        FeatureEncoder encoder = new FeatureEncoder(spec);
        TrainedModel trained = new Trainer(architecture(encoder.width()), PinballLoss.of(0.1, 0.5, 0.9), config(seed))
                .fit(x(encoder, data.fit()), y(data.fit()), x(encoder, data.earlyStop()), y(data.earlyStop()));
        double widening = conformalWidening(trained, x(encoder, data.calibration()), y(data.calibration()));
        TrainedModel model = widened(trained, widening);

        clean(out);
        SavedModelExport.export(model, out, spec);
        ModelCard card;
        try (WarfarinArtifact artifact = WarfarinArtifact.load(out)) {
            WarfarinEvaluation eval = WarfarinEvaluation.of(artifact, data.validation(), data.trainingPart());
            card = WarfarinModelCard.create(data, seed, eval, ModelCard.artifactSha256(out));
        }
        card.write(out.resolve(ModelCard.FILE_NAME));
        return new Result(model, widening, card);
    }

    /**
     * Conformalised quantile regression (Romano et al. 2019): on held-out calibration rows, the score
     * max(P10 - y, y - P90) (sqrt scale) at its ceil((n+1)(1-a))-th smallest value is how much to
     * widen (or, if negative, narrow) both ends so the interval covers 1-a of new patients.
     */
    static double conformalWidening(TrainedModel model, float[][] x, float[][] y) {
        PlainJavaMlp mlp = PlainJavaMlp.of(model);
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            float[] q = mlp.predict(x[i]);
            scores[i] = Math.max(q[0] - y[i][0], y[i][0] - q[2]);
        }
        Arrays.sort(scores);
        int k = (int) Math.ceil((x.length + 1) * (1 - MISCOVERAGE));
        return scores[Math.min(k, x.length) - 1];
    }

    /** Bakes the widening into the output biases, so the SavedModel itself serves the calibrated interval. */
    static TrainedModel widened(TrainedModel model, double widening) {
        float[][] w = model.weights();
        float[] outBias = w[w.length - 1];
        outBias[0] -= (float) widening;
        outBias[2] += (float) widening;
        return new TrainedModel(model.spec(), model.loss(), w, model.history());
    }

    static List<Map<String, String>> raw(List<Example> rows) {
        return rows.stream().map(e -> e.features().raw()).toList();
    }

    static float[][] x(FeatureEncoder encoder, List<Example> rows) {
        return encoder.encodeAll(raw(rows));
    }

    /** Target: sqrt(weekly dose), the scale of the IWPC regression. */
    static float[][] y(List<Example> rows) {
        return rows.stream().map(e -> new float[] {(float) Math.sqrt(e.weeklyDose())}).toArray(float[][]::new);
    }

    /** Empties the output directory, refusing if it holds anything but a previous export. */
    private static void clean(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : files) {
            String rel = out.relativize(p).toString().replace('\\', '/');
            if (Files.isRegularFile(p) && !WarfarinArtifact.FILES.contains(rel)) {
                throw new IOException("refusing to overwrite " + out + ": unexpected file " + rel);
            }
        }
        for (Path p : files) {
            if (!p.equals(out)) {
                Files.delete(p);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("usage: WarfarinTraining --cohort <warfarin-train.csv> --out <dir> [--seed 42]");
        }
        return v;
    }
}
