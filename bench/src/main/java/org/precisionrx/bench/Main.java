package org.precisionrx.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.precisionrx.bench.BenchOptions.UsageException;
import org.precisionrx.bench.proc.ProcessProbe;
import org.precisionrx.bench.report.Check;
import org.precisionrx.bench.report.JsonReport;
import org.precisionrx.bench.report.ScenarioReport;
import org.precisionrx.bench.report.TablePrinter;
import org.precisionrx.bench.scenario.BenchContext;
import org.precisionrx.bench.scenario.DoseCheckScenario;
import org.precisionrx.bench.scenario.OrderSignScenario;
import org.precisionrx.bench.scenario.PatientViewScenario;
import org.precisionrx.bench.scenario.PopulationScenario;
import org.precisionrx.bench.scenario.RecommendScenario;
import org.precisionrx.bench.scenario.Scenario;
import org.precisionrx.bench.scenario.StartupScenario;

/**
 * The bench jar behind {@code ./precisionrx bench}: runs the chosen scenarios against the running
 * local suite, prints one table each and writes them all as JSON. Exits 0 when it measured (a
 * missed target is a result, not a failure), 1 when a scenario could not run, 2 on a bad command line.
 */
public final class Main {

    /** grpc-java logs through java.util.logging; a GOAWAY it reports already shows in the table as errors. */
    private static final Logger GRPC_LOG = Logger.getLogger("io.grpc");

    private Main() {
    }

    public static void main(String[] args) {
        GRPC_LOG.setLevel(Level.SEVERE);
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (UsageException e) {
            err.println("bench: " + e.getMessage());
            err.println(BenchOptions.usage());
            return 2;
        }
        Instant started = Instant.now();
        List<ScenarioReport> reports = new ArrayList<>();
        try (BenchContext context = new BenchContext(options, out)) {
            ProcessProbe.Snapshot benchStart = context.probe().snapshot();
            for (Map.Entry<String, Supplier<Scenario>> scenario : loadScenarios().entrySet()) {
                if (options.runs(scenario.getKey())) {
                    out.println();
                    out.println("-- " + scenario.getKey());
                    for (ScenarioReport report : runOrReport(scenario.getKey(), scenario.getValue(), context, err)) {
                        TablePrinter.print(report, out);
                        reports.add(report);
                    }
                }
            }
            if (!reports.isEmpty()) {
                ScenarioReport memory = context.memoryAfterLoad(benchStart);
                TablePrinter.print(memory, out);
                reports.add(memory);
            }
            if (options.runs("startup")) {
                out.println();
                out.println("-- startup");
                for (ScenarioReport report : runOrReport("startup", StartupScenario::new, context, err)) {
                    TablePrinter.print(report, out);
                    reports.add(report);
                }
            }
        } catch (RuntimeException e) {
            err.println("bench: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            if (System.getenv("PRX_DEBUG") != null) {
                e.printStackTrace(err);
            }
            save(options, started, reports, out);
            return 1;
        }
        save(options, started, reports, out);
        long missed = reports.stream().flatMap(r -> r.checks().stream()).filter(c -> !c.pass()).count();
        long checks = reports.stream().mapToLong(r -> r.checks().size()).sum();
        out.println();
        out.println("targets: " + (checks - missed) + " of " + checks + " PASS" + (options.quick() ? " (--quick: short runs, not the targets' conditions)" : ""));
        return 0;
    }

    /** A scenario that cannot go on (the suite refused it, a service died) is reported as such, and the bench goes on. */
    private static List<ScenarioReport> runOrReport(String name, Supplier<Scenario> scenario, BenchContext context, PrintStream err) {
        try {
            return scenario.get().run(context);
        } catch (RuntimeException e) {
            String why = e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
            err.println("bench: " + name + " could not complete: " + why);
            return List.of(new ScenarioReport(name, "did not complete", List.of(), Map.of(),
                    List.of(new Check(name + " completed", "completes", "failed", false)), List.of(why)));
        }
    }

    /** The load scenarios in the order they run; startup restarts services, so it runs after them. */
    private static Map<String, Supplier<Scenario>> loadScenarios() {
        Map<String, Supplier<Scenario>> scenarios = new LinkedHashMap<>();
        scenarios.put("patient-view", PatientViewScenario::new);
        scenarios.put("order-sign", OrderSignScenario::new);
        scenarios.put("dose-check", DoseCheckScenario::new);
        scenarios.put("recommend", RecommendScenario::new);
        scenarios.put("population", PopulationScenario::new);
        return scenarios;
    }

    private static void save(BenchOptions options, Instant started, List<ScenarioReport> reports, PrintStream out) {
        if (reports.isEmpty()) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("quick", options.quick());
        settings.put("patients", options.patients());
        settings.put("durationSeconds", options.duration().toSeconds());
        settings.put("scenarios", BenchOptions.SCENARIOS.stream().filter(options::runs).toList());
        Path file = JsonReport.write(options.resultsDir(), started, new JsonReport.Run(started.toString(), Machine.describe(), settings, reports));
        out.println();
        out.println("results: " + file);
    }
}
