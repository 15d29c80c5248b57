package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.precisionrx.devtools.SeededPatients.SeededPatient;

class SeededPatientsTest {

    @TempDir
    Path state;

    private final List<SeededPatient> patients = List.of(
            new SeededPatient("demo-patient-01", "0b5c…01", "af-stroke-prevention", 61, "male", "Normal Metabolizer", "dr.ada", "pt.dee"),
            new SeededPatient("demo-patient-02", "0b5c…02", "acs-pci", 87, "female", "not tested", "-", "-"));

    @Test
    void readsBackWhatItWrote() {
        SeededPatients.write(state, patients);

        assertThat(SeededPatients.read(state)).isEqualTo(patients);
    }

    @Test
    void tellsWhatToRunWhenNothingWasLoaded() {
        assertThatThrownBy(() -> SeededPatients.read(state)).hasMessageContaining("run ./precisionrx up first");
    }

    @Test
    void printsAnAlignedTable() {
        assertThat(SeededPatients.table(patients)).isEqualTo(String.join("\n",
                "  FHIR id          patient id  indication            age  sex     CYP2C19             care team  user",
                "  demo-patient-01  0b5c…01     af-stroke-prevention  61   male    Normal Metabolizer  dr.ada     pt.dee",
                "  demo-patient-02  0b5c…02     acs-pci               87   female  not tested          -          -"));
    }
}
