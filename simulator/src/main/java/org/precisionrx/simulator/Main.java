package org.precisionrx.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line (docs/simulator.md):
 * <pre>
 *   cohort  --indication ID --n N --seed S --out FILE.csv [--untested 0.15]
 *   fhir    --n N --seed S --out DIR [--indication ID|any] [--as-of 2025-01-01]
 *   summary --n N --seed S [--indication ID|any]
 *   tables
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage("no command");
        }
        Map<String, String> o = options(args);
        switch (args[0]) {
            case "cohort" -> cohort(o);
            case "fhir" -> fhir(o);
            case "summary" -> summary(o);
            case "tables" -> System.out.print(FrequencyReport.markdown());
            default -> usage("unknown command " + args[0]);
        }
    }

    private static void cohort(Map<String, String> o) throws IOException {
        Indication indication = Indication.byId(required(o, "indication"));
        int n = Integer.parseInt(required(o, "n"));
        long seed = Long.parseLong(required(o, "seed"));
        Path out = Path.of(required(o, "out"));
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        CohortSimulator sim = new CohortSimulator(untested(o));
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            writeCohort(sim, indication, n, seed, w);
        }
        System.err.printf(Locale.ROOT, "wrote %d %s patients to %s%n", n, indication.id, out);
    }

    /** The CSV for a cohort; the tests call this to compare bytes. */
    public static void writeCohort(CohortSimulator sim, Indication indication, int n, long seed, Writer w)
            throws IOException {
        CohortCsv.writeHeader(indication, w);
        IOException[] failure = new IOException[1];
        sim.simulate(indication, n, seed, row -> {
            try {
                CohortCsv.writeRow(row, w);
            } catch (IOException e) {
                failure[0] = e;
                throw new IllegalStateException(e);
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void fhir(Map<String, String> o) throws IOException {
        int n = Integer.parseInt(required(o, "n"));
        long seed = Long.parseLong(required(o, "seed"));
        Path dir = Path.of(required(o, "out"));
        LocalDate asOf = o.containsKey("as-of") ? LocalDate.parse(o.get("as-of")) : FhirExport.DEFAULT_AS_OF;
        List<CohortRow> rows = new CohortSimulator(untested(o)).demoPatients(n, seed, indicationOrAny(o));
        List<Path> files = new FhirExport(asOf).write(rows, dir);
        System.err.printf(Locale.ROOT, "wrote %d bundles to %s%n", files.size(), dir);
    }

    private static void summary(Map<String, String> o) {
        int n = Integer.parseInt(required(o, "n"));
        long seed = Long.parseLong(required(o, "seed"));
        Indication only = indicationOrAny(o);
        CohortSimulator sim = new CohortSimulator(untested(o));
        for (Indication i : Indication.values()) {
            if (only == null || only == i) {
                System.out.println(CohortSummary.of(i, sim.simulate(i, n, seed)).toMarkdown());
            }
        }
    }

    private static Indication indicationOrAny(Map<String, String> o) {
        String id = o.getOrDefault("indication", "any");
        return id.equals("any") ? null : Indication.byId(id);
    }

    private static double untested(Map<String, String> o) {
        return Double.parseDouble(o.getOrDefault("untested", Double.toString(CohortSimulator.DEFAULT_UNTESTED_FRACTION)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("expected --name value pairs after the command, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            usage("missing --" + name);
        }
        return v;
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: cohort --indication ID --n N --seed S --out FILE.csv [--untested 0.15]");
        System.err.println("       fhir --n N --seed S --out DIR [--indication ID|any] [--as-of YYYY-MM-DD]");
        System.err.println("       summary --n N --seed S [--indication ID|any]");
        System.err.println("       tables");
        System.exit(2);
    }
}
