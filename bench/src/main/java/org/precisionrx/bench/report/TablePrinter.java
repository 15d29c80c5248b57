package org.precisionrx.bench.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.precisionrx.bench.proc.ProcessProbe.Usage;

/** One plain-text table per scenario: runs, processes, targets. */
public final class TablePrinter {

    private TablePrinter() {
    }

    public static void print(ScenarioReport report, PrintStream out) {
        out.println();
        out.println("== " + report.name() + ": " + report.description());
        if (!report.runs().isEmpty()) {
            out.printf(Locale.ROOT, "  %-28s %8s %7s %8s %7s %8s %8s %8s %8s %9s %8s%n", "run", "rate/s", "secs", "sent", "errors",
                    "ok/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "lag p99");
            for (Measurement m : report.runs()) {
                out.printf(Locale.ROOT, "  %-28s %8.1f %7.1f %8d %7d %8.1f %8.2f %8.2f %8.2f %9.2f %8.2f%n", m.label(), m.offeredRate(),
                        m.seconds(), m.sent(), m.errorCount(), m.throughput(), m.p50Ms(), m.p90Ms(), m.p99Ms(), m.maxMs(),
                        m.sendLagP99Ms());
                m.errors().forEach((kind, count) -> out.printf(Locale.ROOT, "  %-28s   error %s: %d%s%n", "", kind, count,
                        m.errorSamples().containsKey(kind) ? ", e.g. " + m.errorSamples().get(kind) : ""));
            }
        }
        if (!report.processes().isEmpty()) {
            out.printf(Locale.ROOT, "  %-12s %8s %8s%n", "process", "CPU s", "RSS MB");
            for (Map.Entry<String, Usage> e : report.processes().entrySet()) {
                Usage u = e.getValue();
                if (u.processes() == 0) {
                    out.printf(Locale.ROOT, "  %-12s %8s %8s%n", e.getKey(), "-", "-");
                } else {
                    out.printf(Locale.ROOT, "  %-12s %8.2f %8.0f%n", e.getKey(), u.cpuSeconds(), u.rssMb());
                }
            }
        }
        for (Check c : report.checks()) {
            out.printf(Locale.ROOT, "  %s  %-40s target %-14s measured %s%n", c.verdict(), c.what(), c.target(), c.measured());
        }
        report.notes().forEach(note -> out.println("  note: " + note));
    }
}
