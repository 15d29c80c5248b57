package org.precisionrx.profile.pharmcat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.precisionrx.profile.ingest.GeneticCall;
import org.precisionrx.profile.ingest.GeneticCall.GeneticSource;
import org.precisionrx.profile.ingest.ImportProblem;

/**
 * Parses PharmCAT's outside-call format: one call per line, tab-separated
 * {@code gene, diplotype[, phenotype[, activity score]]}. Lines starting with {@code #} and blank
 * lines are ignored, as is a header row whose first column is {@code gene}. Either the diplotype or
 * the phenotype must be given. Any problem rejects the whole file: calls are never half-imported.
 */
public final class PharmcatCallsParser {

    /** Cap on input lines, so that a hostile payload cannot keep the parser busy. */
    static final int MAX_LINES = 1_000;
    /** A plain decimal number such as 1, 0.5 or 1.25. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,6}(\\.\\d{1,6})?");

    public record Result(List<GeneticCall> calls, List<ImportProblem> problems) {
    }

    public Result parse(String tsv) {
        List<GeneticCall> calls = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        if (tsv == null || tsv.isBlank()) {
            problems.add(new ImportProblem("tsv", "tsv", "no calls: the file is empty"));
            return new Result(List.of(), problems);
        }
        String[] lines = tsv.split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            problems.add(new ImportProblem("tsv", "tsv", "more than " + MAX_LINES + " lines"));
            return new Result(List.of(), problems);
        }
        Set<String> genes = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || (calls.isEmpty() && isHeader(line))) {
                continue;
            }
            parseLine(i + 1, lines[i], genes, calls, problems);
        }
        if (calls.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem("tsv", "tsv", "no calls: only comments or blank lines"));
        }
        return problems.isEmpty() ? new Result(List.copyOf(calls), List.of()) : new Result(List.of(), problems);
    }

    private static boolean isHeader(String line) {
        return line.split("\t", -1)[0].strip().equalsIgnoreCase("gene");
    }

    private static void parseLine(int number, String raw, Set<String> genes, List<GeneticCall> calls,
            List<ImportProblem> problems) {
        String where = "line " + number;
        String[] cols = raw.split("\t", -1);
        if (cols.length < 2 || cols.length > 4) {
            problems.add(new ImportProblem(where, "columns",
                    "expected 2 to 4 tab-separated columns (gene, diplotype, phenotype, activity score), found " + cols.length));
            return;
        }
        String gene = cols[0].strip().toUpperCase(Locale.ROOT);
        String diplotype = emptyToNull(cols[1]);
        String phenotype = cols.length > 2 ? emptyToNull(cols[2]) : null;
        Double score = null;
        if (gene.isEmpty()) {
            problems.add(new ImportProblem(where, "gene", "gene is empty"));
            return;
        }
        if (!genes.add(gene)) {
            problems.add(new ImportProblem(where, "gene", "gene " + gene + " is called more than once"));
            return;
        }
        if (diplotype == null && phenotype == null) {
            problems.add(new ImportProblem(where, "diplotype", "either a diplotype or a phenotype is required"));
            return;
        }
        if (cols.length > 3 && emptyToNull(cols[3]) != null) {
            String written = cols[3].strip();
            // Double.valueOf would also take "NaN", "Infinity", "1e400", hex floats and a trailing 'd'.
            if (!DECIMAL.matcher(written).matches()) {
                problems.add(new ImportProblem(where, "activity score", "activity score is not a number"));
                return;
            }
            score = Double.valueOf(written);
        }
        calls.add(new GeneticCall(gene, diplotype, phenotype, score, GeneticSource.PHARMCAT, null));
    }

    private static String emptyToNull(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
