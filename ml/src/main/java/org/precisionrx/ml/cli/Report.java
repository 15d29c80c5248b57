package org.precisionrx.ml.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.precisionrx.ml.card.Metric;

/** Readable metric tables for the console. */
final class Report {
    private Report() {
    }

    static void printTable(PrintStream out, String title, Map<String, Metric> metrics) {
        out.println(title + ":");
        if (metrics.isEmpty()) {
            out.println("  (none)");
            return;
        }
        out.printf(Locale.ROOT, "  %-24s %10s  %-23s %7s%n", "metric", "value", "95% CI", "n");
        new java.util.TreeMap<>(metrics).forEach((name, m) -> out.printf(Locale.ROOT,
                "  %-24s %10.4f  [%9.4f, %9.4f] %7d%n", name, m.value(), m.lower95(), m.upper95(), m.n()));
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
