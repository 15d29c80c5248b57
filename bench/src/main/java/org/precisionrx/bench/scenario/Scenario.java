package org.precisionrx.bench.scenario;

import java.util.List;

import org.precisionrx.bench.report.ScenarioReport;

/** One of the standard scenarios of ./precisionrx bench; it may report in more than one table. */
public interface Scenario {

    List<ScenarioReport> run(BenchContext context);
}
