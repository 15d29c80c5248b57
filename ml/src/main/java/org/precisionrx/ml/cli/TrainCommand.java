package org.precisionrx.ml.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.precisionrx.ml.card.Metric;
import org.precisionrx.ml.card.ModelCard;
import org.precisionrx.ml.causal.CausalEvaluation;
import org.precisionrx.ml.causal.Ipm;
import org.precisionrx.ml.causal.MultiArmConfig;
import org.precisionrx.ml.causal.MultiArmEnsemble;
import org.precisionrx.ml.causal.MultiArmExport;
import org.precisionrx.ml.causal.MultiArmModelInfo;
import org.precisionrx.ml.causal.MultiArmTrainer;
import org.precisionrx.ml.causal.OutcomeType;
import org.precisionrx.ml.causal.PlainJavaMultiArm;
import org.precisionrx.ml.causal.TarnetSpec;
import org.precisionrx.ml.feature.FeatureEncoder;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.feature.RawValues;
import org.precisionrx.ml.io.Sha256;
import org.precisionrx.ml.nn.Activation;
import org.precisionrx.ml.train.TrainConfig;

/** {@code train}: infers features from a cohort CSV, trains a multi-arm ensemble and exports it with a model card. */
final class TrainCommand {
    static final Set<String> VALUED = Set.of("cohort", "treatment", "outcome", "features", "ignore", "out", "seed",
            "epochs", "ensemble", "ipm", "alpha", "outcome-type", "representation", "head", "learning-rate",
            "batch-size", "patience", "learning-rate-drops", "name", "created");
    static final Set<String> FLAGS = Set.of("lower-is-better");
    private static final int BOOTSTRAP_REPS = 200;

    private TrainCommand() {
    }

    static void run(Options o, PrintStream out, PrintStream err) throws IOException {
        Path outDir = Path.of(o.required("out"));
        if (Files.exists(outDir)) {
            boolean empty;
            try (var entries = Files.list(outDir)) {
                empty = entries.findAny().isEmpty();
            } catch (IOException e) {
                empty = false;
            }
            if (!empty) {
                throw new UsageException("output directory " + outDir + " exists and is not empty");
            }
        }
        String treatment = o.required("treatment");
        String outcome = o.required("outcome");
        Path cohortFile = Path.of(o.required("cohort"));
        // Training options first, so that a mistyped one fails before the cohort is read.
        long seed = o.longValue("seed", 42);
        TrainConfig tc = new TrainConfig(seed, o.positiveInt("epochs", 100), o.positiveInt("batch-size", 128),
                o.doubleValue("learning-rate", 1e-3), o.positiveInt("patience", 15), 0.2);
        int learningRateDrops = o.intInRange("learning-rate-drops", 0, 0, 10);
        Cohort cohort = Cohort.read(cohortFile);
        cohort.require(treatment, outcome);
        List<String> ignore = Cohort.list(o.get("ignore", ""));
        cohort.require(ignore.toArray(new String[0]));
        List<String> features = o.get("features", null) != null ? Cohort.list(o.get("features", ""))
                : cohort.header().stream().filter(c -> !c.equals(treatment) && !c.equals(outcome)
                        && !ignore.contains(c)).toList();
        cohort.require(features.toArray(new String[0]));
        if (features.contains(treatment) || features.contains(outcome)) {
            throw new UsageException("the treatment and outcome columns cannot be features");
        }

        List<Map<String, String>> rows = cohort.rows().stream()
                .filter(r -> !RawValues.isMissing(r.get(treatment)) && !RawValues.isMissing(r.get(outcome))).toList();
        if (rows.size() < cohort.rows().size()) {
            err.println("note: " + (cohort.rows().size() - rows.size()) + " rows without treatment or outcome skipped");
        }
        List<String> arms = Cohort.sortedLevels(rows.stream().map(r -> r.get(treatment)).toList());
        if (arms.size() < 2) {
            throw new UsageException("treatment column '" + treatment + "' has " + arms.size()
                    + " arm(s) " + arms + "; at least two are needed");
        }
        float[] y = new float[rows.size()];
        int[] arm = new int[rows.size()];
        for (int i = 0; i < y.length; i++) {
            String v = rows.get(i).get(outcome).trim();
            if (!Cohort.isNumber(v)) {
                throw new UsageException("outcome column '" + outcome + "' has a non-numeric value '" + v + "'");
            }
            y[i] = (float) Double.parseDouble(v);
            arm[i] = arms.indexOf(rows.get(i).get(treatment).trim());
        }
        boolean zeroOne = true;
        for (float v : y) {
            zeroOne &= v == 0f || v == 1f;
        }
        OutcomeType type = switch (o.get("outcome-type", "auto")) {
            case "auto" -> zeroOne ? OutcomeType.BINARY : OutcomeType.CONTINUOUS;
            case "binary" -> OutcomeType.BINARY;
            case "continuous" -> OutcomeType.CONTINUOUS;
            default -> throw new UsageException("--outcome-type must be binary or continuous");
        };
        if (type == OutcomeType.BINARY && !zeroOne) {
            throw new UsageException("outcome column '" + outcome + "' is declared binary but has values other than 0/1");
        }

        String name = o.get("name", "multi-arm-" + outcome);
        FeatureSpec spec = Cohort.inferSpec(name, features, rows, err);
        float[][] x = new FeatureEncoder(spec).encodeAll(rows);
        Ipm ipm;
        try {
            ipm = Ipm.parse(o.get("ipm", "none"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        MultiArmConfig config = new MultiArmConfig(tc, ipm, ipm == Ipm.NONE ? 0 : o.doubleValue("alpha", 0.1), 1.0,
                learningRateDrops);
        TarnetSpec net = new TarnetSpec(x[0].length, ints(o.get("representation", "64,32")),
                ints(o.get("head", "16")), Activation.RELU, arms.size(), type);
        int members = o.positiveInt("ensemble", 1);
        err.printf("training %d member(s) on %d rows, %d arms %s, %s outcome, %d encoded features%n",
                members, rows.size(), arms.size(), arms, type.name().toLowerCase(), x[0].length);
        MultiArmEnsemble ensemble = new MultiArmTrainer(net, config).fitEnsemble(x, arm, y, members);

        boolean higherIsBetter = !o.flag("lower-is-better");
        MultiArmModelInfo info = MultiArmExport.export(ensemble, spec,
                new MultiArmModelInfo.Labels(arms, treatment, outcome, higherIsBetter), config, outDir);

        // Card metrics on the validation rows the members early-stopped on (shared split): slightly optimistic.
        int[] val = MultiArmTrainer.validationRows(rows.size(), tc);
        PlainJavaMultiArm plain = PlainJavaMultiArm.of(ensemble);
        double[][] pred = new double[val.length][];
        int[] valArm = new int[val.length];
        double[] valY = new double[val.length];
        for (int k = 0; k < val.length; k++) {
            pred[k] = plain.mean(x[val[k]]);
            valArm[k] = arm[val[k]];
            valY[k] = y[val[k]];
        }
        Map<String, Metric> metrics = val.length == 0 ? Map.of()
                : new CausalEvaluation(type, arms, pred, valArm, valY, null, higherIsBetter, 0)
                        .evaluate(Map.of(), seed, BOOTSTRAP_REPS).overall();
        String description = "cohort " + cohort.file() + " (sha256 " + Sha256.ofFile(cohortFile)
                + "), treatment '" + treatment + "' arms " + arms + ", outcome '" + outcome + "'; metrics on the "
                + val.length + "-row validation split used for early stopping";
        ModelCard card = new ModelCard(name, "1", o.get("created", "1970-01-01T00:00:00Z"),
                new ModelCard.TrainingData(description, rows.size()),
                "Decision support: predicted " + outcome + " under each of " + arms + " for comparison by clinicians",
                "Not validated for causal claims outside the training population; not a substitute for clinical judgement",
                metrics, Map.of(), ModelCard.artifactSha256(outDir));
        card.write(outDir.resolve(ModelCard.FILE_NAME));

        out.println("model written to " + outDir);
        out.println("arms: " + String.join(", ", arms) + "; outcome: " + type.name().toLowerCase()
                + "; members: " + members + "; ipm: " + ipm.cliName());
        for (int m = 0; m < ensemble.size(); m++) {
            var h = ensemble.members().get(m).history();
            out.printf("member %d: %d epochs, best epoch %d%n", m, h.epochsRun(), h.bestEpoch() + 1);
        }
        out.println("weights sha256: " + info.weightsSha256());
        Report.printTable(out, "validation metrics", metrics);
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : Cohort.list(csv)) {
            try {
                int v = Integer.parseInt(s);
                if (v < 1) {
                    throw new NumberFormatException();
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new UsageException("layer widths must be positive integers, got '" + csv + "'");
            }
        }
        return out;
    }

}
