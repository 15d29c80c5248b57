package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionrx.devtools.DemoPatients.DemoPatient;

class DemoPatientsTest {

    @TempDir
    Path state;

    @Test
    void theSameDayGivesTheSameBundlesSoReimportsChangeNothing() {
        LocalDate asOf = LocalDate.of(2026, 11, 25);

        List<DemoPatient> first = DemoPatients.generate(4, DemoPatients.SEED, asOf);
        List<DemoPatient> again = DemoPatients.generate(4, DemoPatients.SEED, asOf);

        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(DemoPatient::fhirId)
                .containsExactly("demo-patient-01", "demo-patient-02", "demo-patient-03", "demo-patient-04");
        assertThat(first.get(1).bundle()).contains("\"id\":\"demo-patient-02\"").contains("\"Patient/demo-patient-02\"");
    }

    @Test
    void theDemoSetHasWhatTheScenarioShows() {
        List<DemoPatient> patients = DemoPatients.generate(DemoPatients.COUNT, DemoPatients.SEED, LocalDate.of(2026, 1, 1));

        assertThat(patients).allSatisfy(p -> assertThat(p.age()).isGreaterThanOrEqualTo(18));
        assertThat(patients).extracting(DemoPatient::indication)
                .contains("af-stroke-prevention", "acs-pci", "hyperlipidaemia", "depression");
        assertThat(patients).anySatisfy(p -> {
            assertThat(p.indication()).isEqualTo("acs-pci");
            assertThat(p.cyp2c19()).isIn("Poor Metabolizer", "Intermediate Metabolizer");
        });
    }

    @Test
    void theRecordsDateIsFixedAtTheFirstRun() throws Exception {
        assertThat(DemoPatients.asOf(state, LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(DemoPatients.asOf(state, LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(Files.readString(state.resolve(DemoPatients.AS_OF_FILE)).trim()).isEqualTo("2026-11-25");
    }
}
