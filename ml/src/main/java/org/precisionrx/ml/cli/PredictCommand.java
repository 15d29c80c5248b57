package org.precisionrx.ml.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.precisionrx.ml.causal.ArmSummary;
import org.precisionrx.ml.causal.MultiArmModel;
import org.precisionrx.ml.feature.Feature;

/**
 * {@code predict}: one output row per input row, same order: the --keep columns, then mu_&lt;arm&gt; per arm
 * and, for ensembles, lo_&lt;arm&gt; and hi_&lt;arm&gt; (90% interval across members, see ArmSummary).
 */
final class PredictCommand {
    static final Set<String> VALUED = Set.of("model", "cohort", "out", "keep");
    static final int CHUNK = 4096;

    private PredictCommand() {
    }

    static void run(Options o, PrintStream out) throws IOException {
        try (MultiArmModel model = Main.loadModel(o.required("model"))) {
            Cohort cohort = Cohort.read(Path.of(o.required("cohort")));
            List<String> keep = Cohort.list(o.get("keep", ""));
            cohort.require(keep.toArray(new String[0]));
            ArmSummary[][] summary = summaries(model, cohort);
            boolean ensemble = model.members() > 1;
            List<String> header = new ArrayList<>(keep);
            for (String prefix : ensemble ? List.of("mu_", "lo_", "hi_") : List.of("mu_")) {
                model.arms().forEach(a -> header.add(prefix + a));
            }
            Path outFile = Path.of(o.required("out"));
            try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
                Csv.writeRecord(w, header);
                for (int i = 0; i < summary.length; i++) {
                    List<String> rec = new ArrayList<>();
                    Map<String, String> row = cohort.rows().get(i);
                    keep.forEach(k -> rec.add(row.get(k)));
                    Arrays.stream(summary[i]).forEach(s -> rec.add(Report.number(s.mean())));
                    if (ensemble) {
                        Arrays.stream(summary[i]).forEach(s -> rec.add(Report.number(s.lower())));
                        Arrays.stream(summary[i]).forEach(s -> rec.add(Report.number(s.upper())));
                    }
                    Csv.writeRecord(w, rec);
                }
            } catch (IOException e) {
                throw new UsageException("cannot write " + outFile + ": " + Cohort.describe(e));
            }
            out.println("wrote " + summary.length + " predictions to " + outFile);
        }
    }

    /** Encodes the cohort with the model's feature spec and summarises predictions, CHUNK rows per TF call. */
    static ArmSummary[][] summaries(MultiArmModel model, Cohort cohort) {
        cohort.require(model.featureSpec().features().stream().map(Feature::name).toArray(String[]::new));
        List<Map<String, String>> rows = cohort.rows();
        ArmSummary[][] out = new ArmSummary[rows.size()][];
        for (int from = 0; from < rows.size(); from += CHUNK) {
            int to = Math.min(rows.size(), from + CHUNK);
            float[][] x;
            try {
                x = model.encoder().encodeAll(rows.subList(from, to));
            } catch (IllegalArgumentException e) {
                throw new UsageException(cohort.file() + ": " + e.getMessage());
            }
            ArmSummary[][] part = model.summary(x);
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }
}
