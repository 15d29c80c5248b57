package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.precisionrx.simulator.CohortSimulator;
import org.precisionrx.simulator.FhirExport;
import org.precisionrx.simulator.Indication;

class EhrBundlesTest {

    private final String simulated = new FhirExport(LocalDate.of(2026, 1, 1))
            .json(new CohortSimulator().demoPatients(1, 7, Indication.ACS_PCI).get(0), 0);

    @Test
    void givesThePatientItsIdAndPointsEveryReferenceAtIt() throws Exception {
        JsonNode patientEntry = new ObjectMapper().readTree(simulated).get("entry").get(0);
        String urn = patientEntry.get("fullUrl").asText();
        assertThat(urn).startsWith("urn:uuid:");

        String bundle = EhrBundles.withFhirId(simulated, "demo-patient-01");

        JsonNode root = new ObjectMapper().readTree(bundle);
        assertThat(root.get("entry").get(0).get("resource").get("id").asText()).isEqualTo("demo-patient-01");
        assertThat(bundle).doesNotContain(urn);
        assertThat(root.findValues("subject")).isNotEmpty()
                .allSatisfy(subject -> assertThat(subject.get("reference").asText()).isEqualTo("Patient/demo-patient-01"));
    }

    @Test
    void keepsEverythingElse() throws Exception {
        String bundle = EhrBundles.withFhirId(simulated, "demo-patient-01");

        JsonNode before = new ObjectMapper().readTree(simulated);
        JsonNode after = new ObjectMapper().readTree(bundle);
        assertThat(after.get("entry")).hasSameSizeAs(before.get("entry"));
        assertThat(after.get("type").asText()).isEqualTo("transaction");
    }

    @Test
    void refusesABundleWithoutPatient() {
        assertThatThrownBy(() -> EhrBundles.withFhirId("{\"resourceType\":\"Bundle\",\"entry\":[]}", "x"))
                .hasMessageContaining("no Patient");
    }
}
