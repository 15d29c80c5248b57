package org.precisionrx.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.precisionrx.bench.proc.ProcessProbe;
import org.precisionrx.bench.proc.ProcessProbe.Usage;
import org.precisionrx.bench.report.Check;
import org.precisionrx.bench.report.ScenarioReport;

/**
 * Each process's RSS once the load scenarios are done, against the targets: 350 MB for services
 * without TensorFlow, 700 MB for dosage and recommender (they load it). CPU is since the bench began.
 */
final class MemoryAfterLoad {

    static final Map<String, Double> RSS_TARGET_MB = Map.of("profile", 350.0, "gateway", 350.0, "dosage", 700.0, "recommender", 700.0);

    private MemoryAfterLoad() {
    }

    static ScenarioReport report(ProcessProbe.Snapshot benchStart, ProcessProbe probe) {
        Map<String, Usage> usage = probe.snapshot().since(benchStart);
        List<Check> checks = new ArrayList<>();
        for (String service : List.of("profile", "dosage", "recommender", "gateway")) {
            Usage u = usage.get(service);
            if (u != null && u.processes() > 0) {
                checks.add(Check.atMost(service + " RSS after load", u.rssMb(), RSS_TARGET_MB.get(service), "MB"));
            }
        }
        return new ScenarioReport("memory-after-load", "RSS of each process after the load scenarios (CPU: since the bench began)",
                List.of(), usage, checks, BenchContext.notes("postgres RSS sums all its processes, so shared buffers count more than once"));
    }
}
