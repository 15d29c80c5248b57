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
import org.precisionrx.ml.train.TrainConfig;
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

    /**
     * Rows simulated per indication and how they are fitted. AF and hyperlipidaemia arms differ by
     * tens of points and 16,000 patients resolve them. ACS and depression arms differ by one to three
     * points per patient, below what tens of thousands of binary outcomes resolve: those get a million
     * patients, large batches, and learning-rate drops at each validation plateau (model version 1.1.0;
     * 60,000 patients at the defaults were 1.0.0).
     */
    static final Map<String, Plan> PLANS = Map.of(
            "af-stroke-prevention", Plan.small(16_000), "hyperlipidaemia", Plan.small(16_000),
            "acs-pci", Plan.large(1_000_000), "depression", Plan.large(1_000_000));
    static final String SET_VERSION = "v1.1";
    static final int HOLDOUT_ROWS = 6_000;
    static final int MEMBERS = 5;

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
        manifest.put("version", SET_VERSION + "-" + seed);
        manifest.put("indications", indications);
        manifest.put("seed", seed);
        Json.writeFile(out.resolve("models.json"), manifest);
    }

    static Evaluation.Result train(Indication indication, long baseSeed, Path dir, DoseEngine engine, Ipm ipm, double alpha)
            throws IOException {
        long seed = trainingSeed(indication, baseSeed);
        Plan plan = PLANS.get(indication.id);
        TrainingCohort train = TrainingCohort.simulate(indication, plan.rows(), seed);
        List<CohortRow> holdout = holdout(indication, baseSeed);
        FeatureSpec spec = RankingFeatures.fit("ranking-" + indication.id, train.raw());
        FeatureEncoder encoder = new FeatureEncoder(spec);
        float[][] x = encoder.encodeAll(train.raw());
        int[] arm = train.arm();
        float[] benefit = train.benefit();
        float[] sae = train.sae();
        MultiArmConfig config = plan.config(seed).withIpm(ipm, alpha);
        TarnetSpec net = new TarnetSpec(encoder.width(), List.of(64, 32), List.of(32), Activation.RELU,
                indication.arms.size(), OutcomeType.BINARY);
        float[][] holdoutX = encoder.encodeAll(holdout.stream().map(SimulatedRow::columns).toList());
        int[] popularity = train.popularity();

        // Retraining replaces the previous artifact; the export itself never overwrites.
        deleteRecursively(dir);
        Path benefitDir = dir.resolve("benefit");
        MultiArmEnsemble benefitModel = new MultiArmTrainer(net, config).fitEnsemble(x, arm, benefit, MEMBERS);
        MultiArmExport.export(benefitModel, spec, new MultiArmModelInfo.Labels(indication.arms, "treatment", "benefit", true),
                config, benefitDir);
        Evaluation.Result result = Evaluation.benefit(indication, holdout, means(benefitDir, holdoutX), popularity, engine);
        card(benefitDir, indication, plan, "net clinical benefit at 12 months", result);

        Path saeDir = dir.resolve("adverse-events");
        MultiArmEnsemble saeModel = new MultiArmTrainer(net, config).fitEnsemble(x, arm, sae, MEMBERS);
        MultiArmExport.export(saeModel, spec, new MultiArmModelInfo.Labels(indication.arms, "treatment", "sae", false),
                config, saeDir);
        card(saeDir, indication, plan, "serious adverse event at 12 months",
                Evaluation.adverseEvents(indication, holdout, means(saeDir, holdoutX)));
        return result;
    }

    static long trainingSeed(Indication indication, long baseSeed) {
        return baseSeed + 1000L * indication.ordinal();
    }

    /** The held-out cohort: simulated with its own seed, never seen in training. */
    static List<CohortRow> holdout(Indication indication, long baseSeed) {
        return new CohortSimulator().simulate(indication, HOLDOUT_ROWS, trainingSeed(indication, baseSeed) + 500);
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

    /** Arm indices from most to least prescribed in an indication's training cohort, re-simulated without keeping it. */
    static int[] trainingPopularity(Indication indication, long baseSeed) {
        int[] counts = new int[indication.arms.size()];
        new CohortSimulator().simulate(indication, PLANS.get(indication.id).rows(), trainingSeed(indication, baseSeed),
                row -> counts[row.treatment()]++);
        return popularity(counts);
    }

    /** Arm indices from most to least prescribed, given how often each arm was prescribed. */
    static int[] popularity(int[] counts) {
        return IntStream.range(0, counts.length).boxed()
                .sorted(Comparator.comparingInt((Integer a) -> -counts[a]).thenComparingInt(a -> a))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Rows simulated for one indication and the training settings for them.
     *
     * @param learningRateDrops see {@link MultiArmConfig#learningRateDrops()}
     * @param version the model cards' version, which recommender-service reports with each ranking
     * @param created the model cards' creation time (fixed, so that retraining reproduces the files)
     */
    record Plan(int rows, int batchSize, int patience, int learningRateDrops, String version, String created) {

        /** The shared defaults (batch 128, patience 15, no drops). */
        static Plan small(int rows) {
            return new Plan(rows, 128, 15, 0, "1.0.0", "2026-11-25T00:00:00Z");
        }

        static Plan large(int rows) {
            return new Plan(rows, 1024, 3, 2, "1.1.0", "2026-11-26T00:00:00Z");
        }

        MultiArmConfig config(long seed) {
            MultiArmConfig defaults = MultiArmConfig.defaults(seed);
            TrainConfig t = defaults.train();
            return defaults.withTrain(new TrainConfig(seed, t.maxEpochs(), batchSize, t.learningRate(), patience,
                    t.validationFraction())).withLearningRateDrops(learningRateDrops);
        }
    }

    private static void card(Path dir, Indication indication, Plan plan, String outcome, Evaluation.Result result)
            throws IOException {
        new ModelCard("ranking-" + indication.id + "-" + dir.getFileName(), plan.version(), plan.created(),
                new ModelCard.TrainingData("PrecisionRx cohort simulator (docs/simulator.md), " + indication.display
                        + "; factual outcome: " + outcome + "; arms " + indication.arms + "; evaluated on a separate held-out"
                        + " simulated cohort of " + HOLDOUT_ROWS + " patients", plan.rows()),
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
