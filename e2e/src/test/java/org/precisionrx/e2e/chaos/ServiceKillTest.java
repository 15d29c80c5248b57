package org.precisionrx.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.e2e.chaos.Timing.millis;
import static org.precisionrx.e2e.chaos.Timing.pause;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.RunningSystem.Service;

/**
 * kill -9 of one service at a time under steady load (patient-view, order-sign, profile read,
 * recommendations, dose check through the gateway): the gateway keeps answering, either a 200
 * (flagged where partial) or a clean 503 problem with Retry-After, never a 500 or no answer; the
 * service, started again with the same command, is used again without anything else being
 * restarted, and the time to the first full answer of every request is measured.
 */
@Chaos
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceKillTest {

    /** Four requests a second. */
    static final Duration INTERVAL = Duration.ofMillis(250);
    static final Duration STEADY = Duration.ofSeconds(2);
    static final Duration OUTAGE = Duration.ofSeconds(6);
    /** From the restarted service being ready to every request answering in full again. */
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(Long.getLong("prx.chaos.recovery-bound-seconds", 45));

    private final RunningSystem system;
    private List<Probe> probes;

    ServiceKillTest(ChaosSystem chaos) {
        this.system = chaos.system();
    }

    @BeforeAll
    void aPatientUnderCare() {
        probes = ClinicalProbes.forNewPatient(system, 7101, "chaos-kill-1").readsAndChecks();
    }

    @Test
    @Order(1)
    void profileServiceKilled() {
        killUnderLoadAndRestart(Service.PROFILE);
    }

    @Test
    @Order(2)
    void dosageServiceKilled() {
        killUnderLoadAndRestart(Service.DOSAGE);
    }

    @Test
    @Order(3)
    void recommenderServiceKilled() {
        killUnderLoadAndRestart(Service.RECOMMENDER);
    }

    private void killUnderLoadAndRestart(Service service) {
        Instant killed;
        Instant restarting;
        Instant ready;
        Map<String, Instant> firstFull;
        List<Outcome> outcomes;
        try (LoadLoop load = LoadLoop.start(probes, INTERVAL)) {
            pause(STEADY);
            assertThat(load.outcomes()).as("everything answers in full before the kill").allMatch(Outcome::full);
            killed = Instant.now();
            system.kill(service);
            pause(OUTAGE);
            restarting = Instant.now();
            system.start(service);
            ready = Instant.now();
            firstFull = awaitFullAnswers(load, ready);
            pause(STEADY);
            outcomes = load.since(killed);
        }
        report(service, killed, restarting, ready, firstFull, outcomes);

        assertThat(outcomes).as("answers after the kill that break the gateway's promise (200 or 503 problem with"
                + " Retry-After)").filteredOn(o -> !o.clean()).extracting(Outcome::summary).isEmpty();
        assertThat(outcomes).as("the outage was felt: some answer was degraded or refused")
                .filteredOn(o -> o.at().isBefore(restarting)).anyMatch(Outcome::degradedOrRefused);
        assertThat(firstFull.keySet()).as("requests answered in full within " + RECOVERY_BOUND + " of the restart")
                .containsExactlyInAnyOrderElementsOf(probes.stream().map(Probe::name).toList());
        Instant recovered = firstFull.values().stream().max(Instant::compareTo).orElseThrow();
        assertThat(outcomes).as("once recovered, every answer is full").filteredOn(o -> o.at().isAfter(recovered))
                .allSatisfy(o -> assertThat(o.full()).as(o.summary()).isTrue());
    }

    /** Polls the load's outcomes until every probe has had a full answer sent after {@code ready}. */
    private Map<String, Instant> awaitFullAnswers(LoadLoop load, Instant ready) {
        Instant deadline = ready.plus(RECOVERY_BOUND);
        Map<String, Instant> firstFull = Map.of();
        while (Instant.now().isBefore(deadline)) {
            firstFull = load.since(ready).stream().filter(Outcome::full)
                    .collect(Collectors.toMap(Outcome::probe, Outcome::at, (a, b) -> a.isBefore(b) ? a : b));
            if (firstFull.size() == probes.size()) {
                break;
            }
            pause(Duration.ofMillis(200));
        }
        return firstFull;
    }

    private void report(Service service, Instant killed, Instant restarting, Instant ready, Map<String, Instant> firstFull,
            List<Outcome> outcomes) {
        Optional<Instant> recovered = firstFull.size() == probes.size()
                ? firstFull.values().stream().max(Instant::compareTo) : Optional.empty();
        StringBuilder text = new StringBuilder("chaos: kill -9 " + service + ": down " + millis(killed, restarting)
                + " ms, restart to ready " + millis(restarting, ready) + " ms, ready to full service "
                + recovered.map(r -> millis(ready, r) + " ms").orElse("NOT within " + RECOVERY_BOUND)
                + ", kill to full service " + recovered.map(r -> millis(killed, r) + " ms").orElse("-") + "\n");
        for (Probe probe : probes) {
            List<Outcome> mine = outcomes.stream().filter(o -> o.probe().equals(probe.name())).toList();
            text.append(String.format("  %-22s %4d requests: %4d full, %4d degraded 200, %4d clean 503, %4d broken;"
                    + " first full after ready: %s%n", probe.name(), mine.size(), mine.stream().filter(Outcome::full).count(),
                    mine.stream().filter(o -> o.status() == 200 && !o.full()).count(),
                    mine.stream().filter(o -> o.clean() && o.status() == 503).count(),
                    mine.stream().filter(o -> !o.clean()).count(),
                    Optional.ofNullable(firstFull.get(probe.name())).map(at -> millis(ready, at) + " ms").orElse("never")));
        }
        System.out.print(text);
    }
}
