package org.precisionrx.bench.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.precisionrx.bench.grpc.LoadedPatient;
import org.precisionrx.bench.grpc.PopulationScoring;
import org.precisionrx.bench.report.Check;
import org.precisionrx.bench.report.ScenarioReport;
import org.precisionrx.bench.scenario.BenchContext.Measured;

/**
 * One {@code ScorePopulation} stream over every stored patient (the N bench patients and the demo
 * patients), with the models of the bench patients' most common indication; patients/s end to end.
 */
public final class PopulationScenario implements Scenario {

    static final double TARGET_PATIENTS_PER_SECOND = 5_000;
    static final Duration DEADLINE = Duration.ofMinutes(30);

    @Override
    public List<ScenarioReport> run(BenchContext context) {
        List<LoadedPatient> patients = context.patients();
        String indication = patients.stream().collect(Collectors.groupingBy(LoadedPatient::indication, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
        context.out().println("ScorePopulation (" + indication + ") over every stored patient");
        Measured<PopulationScoring.Result> run = context.measured(
                () -> PopulationScoring.run(context.recommenderChannel(), indication, DEADLINE));
        PopulationScoring.Result r = run.value();
        List<String> notes = BenchContext.notes(String.format(Locale.ROOT, "%d patients scored, %d per-patient errors %s, in %.1f s",
                r.scored(), r.itemErrors().values().stream().mapToLong(Long::longValue).sum(), r.itemErrors(), r.seconds()));
        if (r.streamError() != null) {
            notes.add("the stream ended with " + r.streamError());
        }
        return List.of(new ScenarioReport("population", "gRPC ScorePopulation (server streaming) over every stored patient ("
                + patients.size() + " bench patients + demo patients), indication " + indication, List.of(), run.processes(),
                List.of(Check.atLeast("ScorePopulation end to end", r.patientsPerSecond(), TARGET_PATIENTS_PER_SECOND, "patients/s"),
                        new Check("stream completed", "no error", r.streamError() == null ? "completed" : r.streamError(),
                                r.streamError() == null)),
                notes));
    }
}
