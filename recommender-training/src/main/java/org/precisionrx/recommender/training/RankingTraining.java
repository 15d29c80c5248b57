package org.precisionrx.recommender.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.precisionrx.dosage.engine.DoseEngine;
import org.precisionrx.dosage.kb.KnowledgeBaseLoader;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.causal.ArmSummary;
import org.precisionrx.ml.causal.Ipm;
import org.precisionrx.ml.causal.MultiArmConfig;
import org.precisionrx.ml.causal.MultiArmEnsemble;
import org.precisionrx.ml.causal.MultiArmExport;
import org.precisionrx.ml.causal.MultiArmModel;
import org.precisionrx.ml.causal.MultiArmModelInfo;
import org.precisionrx.ml.causal.MultiArmTrainer;
import org.precisionrx.ml.causal.OutcomeType;
import org.precisionrx.ml.causal.TarnetSpec;
import org.precisionrx.ml.feature.FeatureEncoder;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.io.Json;
import org.precisionrx.ml.nn.Activation;
import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.CohortSimulator;
import org.precisionrx.simulator.Indication;

/**
 * Trains the v1 ranking models on the simulated cohort: per indication, a benefit and an
 * adverse-event multi-arm ensemble (TARNet with an MMD balance penalty), evaluated on a separate
 * held-out simulated cohort; writes the models, their model cards and {@code models.json}.
 * Deterministic: the same seed reproduces the same files.
 */
public final class RankingTraining {

    /** Rows per indication; indications whose arms differ little need more to tell them apart. */
    static final Map<String, Integer> TRAIN_ROWS = Map.of(
            "af-stroke-prevention", 16_000, "hyperlipidaemia", 16_000, "acs-pci", 60_000, "depression", 60_000);
    static final int HOLDOUT_ROWS = 6_000;
    static final int MEMBERS = 5;
    static final String CREATED = "2026-11-25T00:00:00Z";

    private RankingTraining() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path out = Path.of(options.getOrDefault("--out", "models/ranking"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "20261125"));
        DoseEngine engine = new DoseEngine(KnowledgeBaseLoader.loadDefault(), List.of());
        List<String> indications = new ArrayList<>();
        List<String> only = options.containsKey("--only") ? List.of(options.get("--only").split(",")) : null;
        for (Indication indication : Indication.values()) {
            indications.add(indication.id);
            if (only != null && !only.contains(indication.id)) {
                continue;
            }
            Evaluation.Result result = train(indication, seed, out.resolve(indication.id), engine,
                    Ipm.parse(options.getOrDefault("--ipm", "mmd")), Double.parseDouble(options.getOrDefault("--alpha", "0.1")));
            System.out.printf("%s: regret model %.4f, most-prescribed %.4f, guideline %.4f (ratio %.3f)%n", indication.id,
                    result.overall().get("regret_model").value(), result.overall().get("regret_most_prescribed").value(),
                    result.overall().get("regret_guideline").value(), result.regretRatio());
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", "v1-" + seed);
        manifest.put("indications", indications);
        manifest.put("seed", seed);
        Json.writeFile(out.resolve("models.json"), manifest);
    }

    static Evaluation.Result train(Indication indication, long baseSeed, Path dir, DoseEngine engine, Ipm ipm, double alpha)
            throws IOException {
        long seed = baseSeed + 1000L * indication.ordinal();
        CohortSimulator simulator = new CohortSimulator();
        List<CohortRow> train = simulator.simulate(indication, TRAIN_ROWS.get(indication.id), seed);
        List<CohortRow> holdout = holdout(indication, baseSeed);
        List<Map<String, String>> raw = train.stream().map(SimulatedRow::columns).toList();
        FeatureSpec spec = RankingFeatures.fit("ranking-" + indication.id, raw);
        FeatureEncoder encoder = new FeatureEncoder(spec);
        float[][] x = encoder.encodeAll(raw);
        int[] arm = train.stream().mapToInt(CohortRow::treatment).toArray();
        float[] benefit = new float[train.size()];
        float[] sae = new float[train.size()];
        for (int i = 0; i < train.size(); i++) {
            benefit[i] = train.get(i).benefit() ? 1f : 0f;
            sae[i] = train.get(i).sae() ? 1f : 0f;
        }
        MultiArmConfig config = MultiArmConfig.defaults(seed).withIpm(ipm, alpha);
        TarnetSpec net = new TarnetSpec(encoder.width(), List.of(64, 32), List.of(32), Activation.RELU,
                indication.arms.size(), OutcomeType.BINARY);
        float[][] holdoutX = encoder.encodeAll(holdout.stream().map(SimulatedRow::columns).toList());
        int[] popularity = popularity(train, indication.arms.size());

        // Retraining replaces the previous artifact; the export itself never overwrites.
        deleteRecursively(dir);
        Path benefitDir = dir.resolve("benefit");
        MultiArmEnsemble benefitModel = new MultiArmTrainer(net, config).fitEnsemble(x, arm, benefit, MEMBERS);
        MultiArmExport.export(benefitModel, spec, new MultiArmModelInfo.Labels(indication.arms, "treatment", "benefit", true),
                config, benefitDir);
        Evaluation.Result result = Evaluation.benefit(indication, holdout, means(benefitDir, holdoutX), popularity, engine);
        card(benefitDir, indication, "net clinical benefit at 12 months", train.size(), result);

        Path saeDir = dir.resolve("adverse-events");
        MultiArmEnsemble saeModel = new MultiArmTrainer(net, config).fitEnsemble(x, arm, sae, MEMBERS);
        MultiArmExport.export(saeModel, spec, new MultiArmModelInfo.Labels(indication.arms, "treatment", "sae", false),
                config, saeDir);
        card(saeDir, indication, "serious adverse event at 12 months", train.size(),
                Evaluation.adverseEvents(indication, holdout, means(saeDir, holdoutX)));
        return result;
    }

    /** The held-out cohort: simulated with its own seed, never seen in training. */
    static List<CohortRow> holdout(Indication indication, long baseSeed) {
        return new CohortSimulator().simulate(indication, HOLDOUT_ROWS, baseSeed + 1000L * indication.ordinal() + 500);
    }

    /** Ensemble-mean predictions of a saved model, read back as it will be served. */
    static double[][] means(Path dir, float[][] x) throws IOException {
        try (MultiArmModel model = MultiArmModel.load(dir)) {
            ArmSummary[][] summary = model.summary(x);
            double[][] means = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                means[i] = new double[summary[i].length];
                for (int a = 0; a < summary[i].length; a++) {
                    means[i][a] = summary[i][a].mean();
                }
            }
            return means;
        }
    }

    /** Arm indices from most to least prescribed in the training cohort. */
    static int[] popularity(List<CohortRow> train, int arms) {
        int[] counts = new int[arms];
        train.forEach(r -> counts[r.treatment()]++);
        return IntStream.range(0, arms).boxed()
                .sorted(Comparator.comparingInt((Integer a) -> -counts[a]).thenComparingInt(a -> a))
                .mapToInt(Integer::intValue).toArray();
    }

    private static void card(Path dir, Indication indication, String outcome, int rows, Evaluation.Result result) throws IOException {
        new ModelCard("ranking-" + indication.id + "-" + dir.getFileName(), "1.0.0", CREATED,
                new ModelCard.TrainingData("PrecisionRx cohort simulator (docs/simulator.md), " + indication.display
                        + "; factual outcome: " + outcome + "; arms " + indication.arms + "; evaluated on a separate held-out"
                        + " simulated cohort of " + HOLDOUT_ROWS + " patients", rows),
                "Ranking " + indication.display + " options for adults by the predicted probability of " + outcome
                        + ", alongside dosage-service's guideline safety status, for clinician review.",
                "Not for use without clinician review, for children, for indications or drugs outside the arms listed,"
                        + " or as evidence of real-world effectiveness: it is trained on simulated data.",
                result.overall(), result.subgroups(), ModelCard.artifactSha256(dir))
                .write(dir.resolve(ModelCard.FILE_NAME));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
