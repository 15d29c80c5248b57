package org.precisionrx.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.precisionrx.bench.grpc.LoadedPatient;
import org.precisionrx.bench.http.HttpSender;
import org.precisionrx.bench.http.HttpSender.Request;
import org.precisionrx.bench.load.RateSearch;
import org.precisionrx.bench.load.RunResult;
import org.precisionrx.bench.load.Schedule;
import org.precisionrx.bench.report.Check;
import org.precisionrx.bench.report.Measurement;
import org.precisionrx.bench.report.ScenarioReport;
import org.precisionrx.bench.scenario.BenchContext.Measured;
import org.precisionrx.devtools.DevEhr;
import org.precisionrx.devtools.HookRequestBodies;

/**
 * CDS Hooks patient-view through the gateway, as the development EHR: at 100 req/s, then stepping
 * the rate up (x1.5 a step) to the highest rate that still meets the fixed-rate latency target.
 */
public final class PatientViewScenario implements Scenario {

    static final String SERVICE = "precisionrx-patient-view";
    static final double RATE = 100;
    static final double P50_TARGET_MS = 10;
    static final double P99_TARGET_MS = 50;
    static final double SATURATION_TARGET = 300;
    /** Each saturation step offers this many times the rate of the one before. */
    static final double SATURATION_STEP = 1.25;

    private final HttpSender http = new HttpSender(Duration.ofSeconds(10));

    @Override
    public List<ScenarioReport> run(BenchContext context) {
        List<LoadedPatient> patients = context.patients();
        DevEhr ehr = context.ehr();
        int cards = SignedHookRequests.sampleCards(ehr, SERVICE, body(patients, 0));
        String sample = "a sample call answered " + cards + " cards for " + patients.get(0).fhirId();
        try (http) {
            return List.of(fixedRate(context, ehr, patients, sample), saturation(context, ehr, patients));
        }
    }

    private ScenarioReport fixedRate(BenchContext context, DevEhr ehr, List<LoadedPatient> patients, String sample) {
        Duration duration = context.options().duration();
        context.out().println("patient-view at " + (int) RATE + " req/s");
        Measured<RunResult> run = context.load(RATE, duration,
                length -> http.each(signed(context, ehr, patients, RATE, length), DegradedCards.CHECK));
        RunResult r = run.value();
        return new ScenarioReport("patient-view", "CDS Hooks patient-view via the gateway, fixed " + (int) RATE + " req/s, "
                + duration.toSeconds() + " s, EHR JWT per call, " + patients.size() + " patients in turn",
                List.of(Measurement.of("patient-view " + (int) RATE + "/s", r)), run.processes(),
                List.of(Check.atMost("p50 at 100/s", r.latencyMillis(50), P50_TARGET_MS, "ms"),
                        Check.atMost("p99 at 100/s", r.latencyMillis(99), P99_TARGET_MS, "ms"),
                        Check.atMost("errors at 100/s", r.errorCount(), 0, "")),
                BenchContext.notes(sample));
    }

    private ScenarioReport saturation(BenchContext context, DevEhr ehr, List<LoadedPatient> patients) {
        Duration step = context.options().stepDuration();
        context.out().println("patient-view saturation: " + step.toSeconds() + " s steps from " + (int) RATE + " req/s, x"
                + SATURATION_STEP);
        // Saturation is the most the suite answers in full; latency at that rate is reported, not a limit.
        RateSearch search = new RateSearch(RATE, SATURATION_STEP, 5_000, RateSearch.NO_LATENCY_LIMIT);
        Measured<RateSearch.Result> result = context.measured(() -> search.search(rate -> {
            var requests = signed(context, ehr, patients, rate, step);
            RunResult r = context.loadOnce(rate, step, http.each(requests, DegradedCards.CHECK));
            context.out().printf(Locale.ROOT, "    %.0f req/s: p99 %.1f ms, %d errors, %.0f ok/s%n", rate, r.latencyMillis(99),
                    r.errorCount(), r.throughput());
            return r;
        }));
        List<Measurement> steps = new ArrayList<>();
        result.value().steps().forEach(s -> steps.add(Measurement.of(
                String.format(Locale.ROOT, "step %.0f/s %s", s.result().offeredRate(), s.sustained() ? "ok" : "broke"), s.result())));
        double best = result.value().best().map(s -> s.result().throughput()).orElse(0.0);
        return new ScenarioReport("patient-view-saturation", "patient-view, rate stepped up x" + SATURATION_STEP
                + " until a step has an error or throughput < 95% of the rate; throughput of the last step answered in full",
                steps, result.processes(), List.of(Check.atLeast("sustained patient-view throughput", best, SATURATION_TARGET, "req/s")),
                BenchContext.notes());
    }

    private static Request[] signed(BenchContext context, DevEhr ehr, List<LoadedPatient> patients, double rate, Duration duration) {
        return SignedHookRequests.sign(ehr, SERVICE, new Schedule(rate, duration).requests(), i -> body(patients, i), context.out());
    }

    private static String body(List<LoadedPatient> patients, int i) {
        return HookRequestBodies.patientView(patients.get(i % patients.size()).fhirId());
    }
}
