package org.precisionrx.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.e2e.chaos.Timing.millis;
import static org.precisionrx.e2e.chaos.Timing.pause;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.precisionrx.e2e.chaos.ImportLoad.Attempt;
import org.precisionrx.e2e.support.DemoPatients;
import org.precisionrx.e2e.support.DemoPatients.DemoPatient;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.simulator.Indication;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;
import org.precisionrx.testsupport.PrivatePostgres;

/**
 * PostgreSQL crashes ({@code pg_ctl stop -m immediate}) under a write load of profile imports
 * through the gateway, and comes back: readiness of patient-profile-service and the gateway goes
 * DOWN and comes UP again by itself; every acknowledged import is stored, in full; every other
 * one was answered with a 503 problem and Retry-After; nothing is half-written (importing every
 * patient again changes nothing that was stored, and stores the failed ones whole).
 */
@Chaos
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresCrashTest {

    static final Duration BEFORE_CRASH = Duration.ofSeconds(5);
    static final Duration DOWN_FOR = Duration.ofSeconds(10);
    static final Duration READINESS_WITHIN = Duration.ofSeconds(30);
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);
    /** Longer than any import takes when all is well, far shorter than the client's 60 s timeout. */
    static final Duration NO_HANG = Duration.ofSeconds(30);

    private final RunningSystem system;
    private final PrivatePostgres postgres;
    private List<DemoPatient> patients;
    private List<Attempt> attempts;

    PostgresCrashTest(ChaosSystem chaos) {
        this.system = chaos.system();
        this.postgres = chaos.postgres();
    }

    @BeforeAll
    void newPatients() {
        patients = DemoPatients.many(Indication.ACS_PCI, 7301, 400, "chaos-pg");
    }

    @Test
    @Order(1)
    void readinessGoesDownAndComesBackByItself() {
        int profile = system.layout().profilePort();
        int gateway = system.layout().gatewayPort();
        Instant crashed;
        Instant restarted;
        Instant profileDown;
        Instant gatewayDown;
        Instant profileUp;
        Instant gatewayUp;
        Instant firstAckAfter;
        // One token for the whole load: the test is about PostgreSQL, not about logging in under load.
        ImportLoad load = ImportLoad.start(system, system.users().ehrClientToken(), patients, 2, Duration.ofMillis(100));
        try (load) {
            pause(BEFORE_CRASH);
            crashed = Instant.now();
            postgres.crash();
            profileDown = Readiness.await(profile, 503, READINESS_WITHIN);
            gatewayDown = Readiness.await(gateway, 503, READINESS_WITHIN);
            pause(Duration.ofMillis(Math.max(0, DOWN_FOR.toMillis() - millis(crashed, Instant.now()))));
            restarted = Instant.now();
            postgres.restart();
            profileUp = Readiness.await(profile, 200, RECOVERY_BOUND);
            gatewayUp = Readiness.await(gateway, 200, RECOVERY_BOUND);
            firstAckAfter = awaitAcknowledgedImportAfter(load, restarted);
            pause(Duration.ofSeconds(3));
        }
        attempts = load.attempts();
        System.out.printf("chaos: PostgreSQL crashed for %d ms; readiness DOWN after %s (profile) / %s (gateway);"
                + " UP after restart in %s (profile) / %s (gateway); first acknowledged import %s after restart%n",
                millis(crashed, restarted), since(crashed, profileDown), since(crashed, gatewayDown),
                since(restarted, profileUp), since(restarted, gatewayUp), since(restarted, firstAckAfter));

        assertThat(profileDown).as("profile-service readiness DOWN while PostgreSQL is down").isNotNull();
        assertThat(gatewayDown).as("gateway readiness DOWN while PostgreSQL is down").isNotNull();
        assertThat(profileUp).as("profile-service readiness UP again by itself").isNotNull();
        assertThat(gatewayUp).as("gateway readiness UP again by itself").isNotNull();
        assertThat(firstAckAfter).as("imports are acknowledged again after the restart, nothing restarted by hand").isNotNull();
    }

    @Test
    @Order(2)
    void everyImportWasAcknowledgedOrFailedWithAClearRetryableError() {
        Map<String, Long> byKind = attempts.stream().collect(Collectors.groupingBy(PostgresCrashTest::kind, Collectors.counting()));
        System.out.println("chaos: " + attempts.size() + " imports under the crash: " + byKind);
        assertThat(attempts).as("acknowledged").anyMatch(Attempt::acknowledged);
        assertThat(attempts).as("failed while PostgreSQL was down").anyMatch(Attempt::retryableFailure);
        assertThat(attempts).as("neither acknowledged nor a 503 problem with Retry-After")
                .filteredOn(a -> !a.acknowledged() && !a.retryableFailure()).extracting(Attempt::summary).isEmpty();
        assertThat(attempts).as("answered within " + NO_HANG).allSatisfy(a -> assertThat(a.took()).isLessThan(NO_HANG));
    }

    @Test
    @Order(3)
    void everyAcknowledgedImportIsStored() {
        List<String> missing = attempts.stream().filter(Attempt::acknowledged).map(a -> a.patient().mrn())
                .filter(mrn -> !stored(mrn)).toList();
        assertThat(missing).as("acknowledged imports whose patient is not in the database").isEmpty();
    }

    /**
     * A client retries every import. One stored in full is unchanged by it (a patient missing any
     * genotype, medication, lab or condition of its bundle would be updated); one that failed is
     * created whole now, or, had its commit won the race with the crash, found unchanged.
     */
    @Test
    @Order(4)
    void nothingIsHalfWritten() {
        String token = system.users().ehrClientToken();
        Map<String, Long> retried = attempts.stream().collect(Collectors.groupingBy(a -> {
            Attempt again = ImportLoad.send(system, token, a.patient());
            assertThat(again.status()).as(again.summary()).isEqualTo(200);
            String expected = a.acknowledged() ? "IMPORT_OUTCOME_UNCHANGED" : null;
            if (expected != null) {
                assertThat(again.outcome()).as("acknowledged, so stored in full: " + again.summary()).isEqualTo(expected);
            } else {
                assertThat(again.outcome()).as("failed, so absent or whole: " + again.summary())
                        .isIn("IMPORT_OUTCOME_CREATED", "IMPORT_OUTCOME_UNCHANGED");
            }
            return (a.acknowledged() ? "acknowledged" : "failed") + " -> " + again.outcome();
        }, Collectors.counting()));
        System.out.println("chaos: every import sent again: " + retried);
    }

    private Instant awaitAcknowledgedImportAfter(ImportLoad load, Instant restarted) {
        Instant deadline = Instant.now().plus(RECOVERY_BOUND);
        while (Instant.now().isBefore(deadline)) {
            Instant first = load.attempts().stream().filter(a -> a.acknowledged() && a.at().isAfter(restarted))
                    .map(Attempt::at).min(Instant::compareTo).orElse(null);
            if (first != null) {
                return first;
            }
            pause(Duration.ofMillis(250));
        }
        return null;
    }

    private boolean stored(String mrn) {
        TestDatabase db = system.profileDatabase();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM patient_identifier WHERE kind = 'MRN' AND value = ?")) {
            query.setString(1, mrn);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the profile database", e);
        }
    }

    private static String kind(Attempt attempt) {
        if (attempt.acknowledged()) {
            return "acknowledged";
        }
        if (attempt.retryableFailure()) {
            return "503 retryable";
        }
        return "other " + attempt.status() + " " + attempt.outcome();
    }

    private static String since(Instant from, Instant to) {
        return to == null ? "never" : millis(from, to) + " ms";
    }
}
