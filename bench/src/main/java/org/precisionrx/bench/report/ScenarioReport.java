package org.precisionrx.bench.report;

import java.util.List;
import java.util.Map;

import org.precisionrx.bench.proc.ProcessProbe.Usage;

/** What one scenario measured: its runs, the CPU and RSS of each process meanwhile, its targets, and notes. */
public record ScenarioReport(String name, String description, List<Measurement> runs, Map<String, Usage> processes,
        List<Check> checks, List<String> notes) {

    public boolean passed() {
        return checks.stream().allMatch(Check::pass);
    }
}
