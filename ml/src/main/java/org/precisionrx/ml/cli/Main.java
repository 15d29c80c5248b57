package org.precisionrx.ml.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.precisionrx.ml.causal.MultiArmModel;
import org.precisionrx.ml.causal.MultiArmModelInfo;

/**
 * {@code prx-ml}: train, predict with and evaluate multi-arm outcome models on any cohort CSV with a header.
 * Exit codes: 0 success, 2 user error (one line on stderr, no stack trace), 1 internal error.
 */
public final class Main {
    static final String USAGE = """
            usage: prx-ml <command> [options]
              train    --cohort FILE --treatment COL --outcome COL --out DIR [--features COLS] [--ignore COLS]
                       [--seed N] [--epochs N] [--ensemble N] [--ipm none|mmd|mmd-lin|wass] [--alpha A]
                       [--outcome-type binary|continuous] [--lower-is-better] [--representation 64,32] [--head 16]
                       [--learning-rate LR] [--batch-size N] [--patience N] [--learning-rate-drops N] [--name NAME] [--created ISO-INSTANT]
              predict  --model DIR --cohort FILE --out FILE [--keep COLS]
              evaluate --model DIR --cohort FILE [--truth COL_ARM1,COL_ARM2,...] [--groups COLS] [--out FILE.json]
                       [--reference ARM] [--lower-is-better|--higher-is-better] [--seed N] [--bootstrap N]
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code instead of exiting, so tests can call it in-process. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            switch (args[0]) {
                case "train" -> TrainCommand.run(new Options("train", args, 1, TrainCommand.VALUED, TrainCommand.FLAGS),
                        out, err);
                case "predict" -> PredictCommand.run(new Options("predict", args, 1, PredictCommand.VALUED, Set.of()), out);
                case "evaluate" -> EvaluateCommand.run(new Options("evaluate", args, 1, EvaluateCommand.VALUED,
                        EvaluateCommand.FLAGS), out);
                default -> throw new UsageException("unknown command '" + args[0] + "' (train, predict, evaluate)");
            }
            return 0;
        } catch (UsageException e) {
            err.println("prx-ml: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            // Invalid values reaching the library (e.g. a malformed number in a feature column) are user errors too.
            err.println("prx-ml: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("prx-ml: " + Cohort.describe(e));
            return 2;
        } catch (RuntimeException e) {
            err.println("prx-ml: internal error: " + e);
            return 1;
        }
    }

    static MultiArmModel loadModel(String dir) {
        Path path = Path.of(dir);
        if (!Files.isRegularFile(path.resolve(MultiArmModelInfo.FILE_NAME))) {
            throw new UsageException(dir + " is not a model directory (no " + MultiArmModelInfo.FILE_NAME + ")");
        }
        try {
            return MultiArmModel.load(path);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot load model from " + dir + ": " + e.getMessage());
        }
    }
}
