package org.precisionrx.dosage.warfarin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.engine.DoseModel;
import org.precisionrx.dosage.engine.ModelEstimate;
import org.precisionrx.dosage.facts.PatientFacts;

class WarfarinModelTest {

    private static WarfarinModel model;

    @BeforeAll
    static void start() {
        model = new WarfarinModel();
        model.start(); // what CDI does at start-up: load the committed artifact from the classpath
    }

    @AfterAll
    static void stop() {
        model.stop();
    }

    static PatientFacts patient(Double weight) {
        return WarfarinFeaturesTest.facts(65, "MALE", weight, 170.0, Map.of("VKORC1", "-1639 AG"),
                Map.of("CYP2C9", "*1/*2"), Set.of(), "NEVER", "WHITE");
    }

    @Test
    void missingWeightMeansNoEstimateAndNamesIt() {
        DoseModel.Result result = model.estimate(patient(null));
        assertThat(result.estimates()).isEmpty();
        assertThat(result.missing()).containsExactly("weightKg");
    }

    @Test
    void modelDrivesTheRangeInMgPerDayAndTheFormulaIsShownBesideIt() throws Exception {
        DoseModel.Result result = model.estimate(patient(70.0));
        assertThat(model.id()).isEqualTo("warfarin-iwpc");
        assertThat(result.missing()).isEmpty();
        assertThat(result.estimates()).filteredOn(ModelEstimate::drivesRange).hasSize(1);
        ModelEstimate driver = result.estimates().get(0);
        assertThat(driver.method()).isEqualTo("warfarin dose model");
        assertThat(driver.drivesRange()).isTrue();
        assertThat(driver.modelVersion()).isEqualTo(WarfarinTraining.VERSION);
        assertThat(driver.sha256()).isEqualTo(WarfarinArtifactTest.committedCardSha());
        assertThat(driver.p10()).isLessThanOrEqualTo(driver.p50());
        assertThat(driver.p50()).isLessThanOrEqualTo(driver.p90());
        assertThat(driver.value()).isEqualTo(driver.p50());
        assertThat(driver.p50()).isBetween(1.5, 8.0); // mg/day, not mg/week
        ModelEstimate formula = result.estimates().get(1);
        assertThat(formula.drivesRange()).isFalse();
        assertThat(formula.p10()).isNull();
        // Worked example of IwpcFormulaTest: 25.22 mg/week.
        assertThat(formula.value()).isCloseTo(25.22 / 7, within(0.01));
        assertThat(result.notes()).anyMatch(n -> n.contains("drives the range"));
    }

    @Test
    void servesConcurrentRequestsConsistently() throws Exception {
        ModelEstimate expected = model.estimate(patient(80.0)).estimates().get(0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ModelEstimate>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> model.estimate(patient(80.0)).estimates().get(0)));
            }
            for (Future<ModelEstimate> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
