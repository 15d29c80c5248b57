package org.precisionrx.bench.scenario;

import java.time.Duration;
import java.util.List;

import org.precisionrx.bench.grpc.LoadedPatient;
import org.precisionrx.bench.http.HttpSender;
import org.precisionrx.bench.load.RunResult;
import org.precisionrx.bench.load.Schedule;
import org.precisionrx.bench.report.Measurement;
import org.precisionrx.bench.report.ScenarioReport;
import org.precisionrx.bench.scenario.BenchContext.Measured;
import org.precisionrx.devtools.DevEhr;
import org.precisionrx.devtools.HookRequestBodies;
import org.precisionrx.devtools.HookRequestBodies.DraftMedication;

/** CDS Hooks order-sign with a draft MedicationRequest (clopidogrel 75 mg daily), at 100 req/s. Issue #8 sets no target for it. */
public final class OrderSignScenario implements Scenario {

    static final String SERVICE = "precisionrx-order-sign";
    static final double RATE = 100;
    static final DraftMedication DRAFT = new DraftMedication("bench-order-1", "clopidogrel", "32968", 75, 1);

    @Override
    public List<ScenarioReport> run(BenchContext context) {
        List<LoadedPatient> patients = context.patients();
        DevEhr ehr = context.ehr();
        int cards = SignedHookRequests.sampleCards(ehr, SERVICE, body(patients, 0));
        Duration duration = context.options().duration();
        context.out().println("order-sign at " + (int) RATE + " req/s");
        try (HttpSender http = new HttpSender(Duration.ofSeconds(10))) {
            Measured<RunResult> run = context.load(RATE, duration, length -> http.each(SignedHookRequests.sign(ehr, SERVICE,
                    new Schedule(RATE, length).requests(), i -> body(patients, i), context.out()), DegradedCards.CHECK));
            return List.of(new ScenarioReport("order-sign", "CDS Hooks order-sign via the gateway with a draft order ("
                    + DRAFT.describe() + "), fixed " + (int) RATE + " req/s, " + duration.toSeconds() + " s",
                    List.of(Measurement.of("order-sign " + (int) RATE + "/s", run.value())), run.processes(), List.of(),
                    BenchContext.notes("no target in issue #8; a sample call answered " + cards + " cards")));
        }
    }

    private static String body(List<LoadedPatient> patients, int i) {
        return HookRequestBodies.orderSign(patients.get(i % patients.size()).fhirId(), DRAFT);
    }
}
