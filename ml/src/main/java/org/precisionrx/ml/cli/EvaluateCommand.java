package org.precisionrx.ml.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.precisionrx.ml.causal.ArmSummary;
import org.precisionrx.ml.causal.CausalEvaluation;
import org.precisionrx.ml.causal.MultiArmModel;
import org.precisionrx.ml.feature.RawValues;
import org.precisionrx.ml.io.Json;

/**
 * {@code evaluate}: factual metrics on rows whose treatment is one of the model's arms and whose outcome
 * is present; effect and policy metrics when --truth gives the true outcome of every arm (in the model's
 * arm order); everything per subgroup of each --groups column. Prints tables and writes JSON.
 */
final class EvaluateCommand {
    static final Set<String> VALUED = Set.of("model", "cohort", "truth", "groups", "out", "reference", "seed",
            "bootstrap");
    static final Set<String> FLAGS = Set.of("lower-is-better", "higher-is-better");

    private EvaluateCommand() {
    }

    static void run(Options o, PrintStream out) throws IOException {
        try (MultiArmModel model = Main.loadModel(o.required("model"))) {
            Cohort cohort = Cohort.read(Path.of(o.required("cohort")));
            List<String> arms = model.arms();
            int n = cohort.rows().size();
            if (n == 0) {
                throw new UsageException(cohort.file() + " has no data rows");
            }
            ArmSummary[][] summary = PredictCommand.summaries(model, cohort);
            double[][] predicted = new double[n][arms.size()];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < arms.size(); a++) {
                    predicted[i][a] = summary[i][a].mean();
                }
            }
            String treatment = model.info().treatment();
            String outcome = model.info().outcome();
            boolean factual = treatment != null && outcome != null && cohort.header().contains(treatment)
                    && cohort.header().contains(outcome);
            int[] arm = new int[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                Map<String, String> row = cohort.rows().get(i);
                String t = factual ? row.get(treatment) : null;
                arm[i] = t == null || RawValues.isMissing(t) ? -1 : arms.indexOf(t.trim());
                y[i] = factual ? number(row.get(outcome), outcome, true) : Double.NaN;
            }
            double[][] truth = null;
            List<String> truthColumns = Cohort.list(o.get("truth", ""));
            if (!truthColumns.isEmpty()) {
                if (truthColumns.size() != arms.size()) {
                    throw new UsageException("--truth needs " + arms.size() + " columns, one per arm in the order " + arms);
                }
                cohort.require(truthColumns.toArray(new String[0]));
                truth = new double[n][arms.size()];
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < arms.size(); a++) {
                        truth[i][a] = number(cohort.rows().get(i).get(truthColumns.get(a)), truthColumns.get(a), false);
                    }
                }
            }
            if (!factual && truth == null) {
                throw new UsageException("nothing to evaluate: the cohort lacks the treatment/outcome columns '"
                        + treatment + "'/'" + outcome + "' and no --truth was given");
            }
            String reference = o.get("reference", arms.get(0));
            int ref = arms.indexOf(reference);
            if (ref < 0) {
                throw new UsageException("--reference must be one of the arms " + arms);
            }
            boolean higherIsBetter = o.flag("lower-is-better") ? false
                    : o.flag("higher-is-better") || model.info().higherIsBetter();
            List<String> groups = Cohort.list(o.get("groups", ""));
            Map<String, List<String>> groupValues = Cohort.columns(cohort, groups);
            var eval = new CausalEvaluation(model.outcomeType(), arms, predicted, arm, y, truth, higherIsBetter, ref);
            var report = eval.evaluate(groupValues, o.longValue("seed", 42), o.positiveInt("bootstrap", 200));

            out.printf("evaluated %d rows; arms %s (reference %s); %s is better%n", n, arms, reference,
                    higherIsBetter ? "higher" : "lower");
            Report.printTable(out, "overall", report.overall());
            report.subgroups().forEach((column, values) -> values.forEach((value, metrics) ->
                    Report.printTable(out, column + " = " + value, metrics)));
            String outFile = o.get("out", null);
            if (outFile != null) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("rows", n);
                json.put("arms", arms);
                json.put("referenceArm", reference);
                json.put("higherIsBetter", higherIsBetter);
                json.put("overall", report.overall());
                json.put("subgroups", report.subgroups());
                try {
                    Json.writeFile(Path.of(outFile), json);
                } catch (IOException e) {
                    throw new UsageException("cannot write " + outFile + ": " + Cohort.describe(e));
                }
                out.println("wrote " + outFile);
            }
        }
    }

    private static double number(String v, String column, boolean missingAllowed) {
        if (RawValues.isMissing(v)) {
            if (missingAllowed) {
                return Double.NaN;
            }
            throw new UsageException("column '" + column + "' has a missing value");
        }
        if (!Cohort.isNumber(v)) {
            throw new UsageException("column '" + column + "' has a non-numeric value '" + v + "'");
        }
        return Double.parseDouble(v.trim());
    }
}
