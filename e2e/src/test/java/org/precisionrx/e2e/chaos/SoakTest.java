package org.precisionrx.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.e2e.chaos.Timing.pause;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.precisionrx.e2e.chaos.ResourceSampler.Series;
import org.precisionrx.e2e.support.DemoPatients;
import org.precisionrx.e2e.support.DemoPatients.DemoPatient;
import org.precisionrx.e2e.support.Reply;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.simulator.Indication;

/**
 * A soak: mixed load (patient-view, order-sign, profile read, recommendations, dose check and
 * imports of new patients) at a moderate rate for {@code prx.soak.duration} (default 75 s for CI;
 * the documented long run is PT10M). Every request is answered in full, and in the second half
 * of the run the resident memory of every service and the open connections of every database
 * stay within 10% (max/min). A warm-up ({@code prx.soak.warmup}, default 20 s) of the same load
 * comes first and is not sampled: JIT and heap sizing are not leaks.
 */
@Chaos
@Order(1)
class SoakTest {

    static final Duration DURATION = Duration.parse(System.getProperty("prx.soak.duration", "PT75S"));
    static final Duration WARMUP = Duration.parse(System.getProperty("prx.soak.warmup", "PT20S"));
    /** Five requests a second. */
    static final Duration INTERVAL = Duration.ofMillis(200);
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    static final double FLAT = 1.10;

    private final ChaosSystem chaos;
    private final RunningSystem system;

    SoakTest(ChaosSystem chaos) {
        this.chaos = chaos;
        this.system = chaos.system();
    }

    @Test
    void mixedLoadWithoutErrorsAndWithFlatMemoryAndConnections() {
        List<Probe> clinical = ClinicalProbes.forNewPatient(system, 7201, "chaos-soak-1").readsAndChecks();
        Probe imports = importsOfNewPatients(clinical.size() + 1);
        List<Probe> probes = Stream.concat(clinical.stream(), Stream.of(imports)).toList();

        try (LoadLoop warmup = LoadLoop.start(probes, INTERVAL)) {
            pause(WARMUP);
            assertThat(warmup.outcomes()).as("warm-up answers").filteredOn(o -> !o.full()).extracting(Outcome::summary).isEmpty();
        }
        List<Outcome> outcomes;
        List<Series> series;
        List<String> samplingFailures;
        try (LoadLoop load = LoadLoop.start(probes, INTERVAL);
                ResourceSampler sampler = ResourceSampler.start(system, chaos.postgres(), SAMPLE_EVERY)) {
            pause(DURATION);
            series = sampler.series();
            samplingFailures = sampler.failures();
            load.close();
            outcomes = load.outcomes();
        }
        report(outcomes, series);

        assertThat(samplingFailures).as("samples that could not be taken").isEmpty();
        assertThat(outcomes).as("requests not answered in full (an error)").filteredOn(o -> !o.full())
                .extracting(Outcome::summary).isEmpty();
        assertThat(series).as("sampled series").hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(s -> assertThat(s.samples()).as(s.name()).hasSizeGreaterThanOrEqualTo(4));
        assertThat(series).as("second half flat within 10% (max/min <= " + FLAT + ")")
                .allSatisfy(s -> assertThat(s.secondHalfSpread()).as(s.summary()).isLessThanOrEqualTo(FLAT));
    }

    /**
     * Imports of new patients, one per request; enough of them for the warm-up and the run at this
     * rate, each one's full answer being "created".
     */
    private Probe importsOfNewPatients(int probeCount) {
        long requests = (WARMUP.plus(DURATION).toMillis() / INTERVAL.toMillis()) / probeCount + 20;
        Iterator<DemoPatient> next = DemoPatients.many(Indication.HYPERLIPIDAEMIA, 7202, (int) requests, "chaos-soak-import")
                .iterator();
        return Probe.calibrated("POST imports/fhir", () -> send(next), SoakTest::importOutcome);
    }

    private Reply send(Iterator<DemoPatient> next) {
        DemoPatient patient;
        synchronized (next) {
            patient = next.next();
        }
        return system.gateway().post("/api/v1/imports/fhir?sourceSystem=" + ImportLoad.SOURCE)
                .bearer(system.users().token(org.precisionrx.e2e.support.Users.ADMIN))
                .body("application/fhir+json", patient.bundle()).send();
    }

    private static String importOutcome(Reply reply) {
        return reply.json().path("patients").path(0).path("outcome").asText();
    }

    private static void report(List<Outcome> outcomes, List<Series> series) {
        Map<String, List<Outcome>> byProbe = outcomes.stream().collect(Collectors.groupingBy(Outcome::probe));
        StringBuilder text = new StringBuilder(String.format("chaos: soak %s after %s warm-up, %d requests%n", DURATION, WARMUP,
                outcomes.size()));
        byProbe.forEach((probe, mine) -> {
            List<Long> millis = mine.stream().map(o -> o.took().toMillis()).sorted().toList();
            text.append(String.format("  %-22s %5d requests, %5d not full, latency p50 %5d ms, p99 %5d ms, max %5d ms%n", probe,
                    mine.size(), mine.stream().filter(o -> !o.full()).count(), millis.get(millis.size() / 2),
                    millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.99) - 1)),
                    millis.get(millis.size() - 1)));
        });
        series.forEach(s -> text.append("  ").append(s.summary()).append('\n'));
        System.out.print(text);
    }
}
