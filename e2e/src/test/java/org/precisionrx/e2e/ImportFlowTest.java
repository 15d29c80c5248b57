package org.precisionrx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.precisionrx.e2e.support.Admin;
import org.precisionrx.e2e.support.Bundles;
import org.precisionrx.e2e.support.DemoPatients;
import org.precisionrx.e2e.support.DemoPatients.DemoPatient;
import org.precisionrx.e2e.support.EndToEnd;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.Users;
import org.precisionrx.simulator.Indication;

/**
 * The EHR system pushes an ACS patient (CYP2C19 *1/*1) with its own client-credentials token, and
 * later the lab's CYP2C19 *2/*2 result as a FHIR genomics Observation: clopidogrel, fine before,
 * is then to be avoided and ranked last in the clinician's recommendations.
 */
@EndToEnd
@Order(4)
class ImportFlowTest {

    static final String SOURCE = "https://ehr.hospital.e2e.precisionrx.example/fhir";
    static final String CYP2C19_HGNC = "HGNC:2621";

    private final RunningSystem system;

    ImportFlowTest(RunningSystem system) {
        this.system = system;
    }

    @Test
    void aPoorMetabolizerResultTurnsClopidogrelIntoTheLastOption() {
        Admin admin = new Admin(system);
        DemoPatient patient = DemoPatients.pick(Indication.ACS_PCI, 6404, "e2e-import-acs-1", DemoPatients.PLAIN)
                .withGenotype("CYP2C19", "*1/*1");
        String ehrToken = system.users().ehrClientToken();
        String patientId = admin.importFhir(ehrToken, SOURCE, patient.bundle());
        admin.assignCareTeam(patientId, Users.CLINICIAN);

        JsonNode before = clopidogrel(patientId);
        assertThat(before.path("safetyStatus").asText()).as(before.toString()).isIn("DOSE_STATUS_STANDARD", "DOSE_STATUS_ADJUSTED");

        String result = Bundles.genotypeResult(SOURCE, patient.fhirId(), patient.mrn(), "CYP2C19", CYP2C19_HGNC, "*2/*2",
                "e2e-import-cyp2c19-result", LocalDate.now(ZoneOffset.UTC));
        JsonNode report = admin.importReport(ehrToken, SOURCE, result);
        assertThat(report.path("patients").path(0).path("patientId").asText()).as(report.toString()).isEqualTo(patientId);
        assertThat(report.path("patients").path(0).path("outcome").asText()).as(report.toString())
                .isEqualTo("IMPORT_OUTCOME_UPDATED");

        JsonNode after = clopidogrel(patientId);
        assertThat(after.path("safetyStatus").asText()).as(after.toString()).isEqualTo("DOSE_STATUS_AVOID");
        assertThat(after.path("safetyReason").asText()).contains("CYP2C19");
        assertThat(after.path("rank").asInt()).as("avoided options go last").isEqualTo(3);
    }

    /** dr.ada's view of clopidogrel among the ACS options of her patient. */
    private JsonNode clopidogrel(String patientId) {
        JsonNode answer = system.gateway().post("/api/v1/patients/" + patientId + "/recommendations")
                .bearer(system.users().token(Users.CLINICIAN)).json("{\"indicationId\":\"acs-pci\"}")
                .send().expect(200).json();
        assertThat(answer.path("options").size()).as(answer.toString()).isEqualTo(3);
        for (JsonNode option : answer.path("options")) {
            if ("clopidogrel".equals(option.path("drugId").asText())) {
                return option;
            }
        }
        throw new AssertionError("no clopidogrel option: " + answer);
    }
}
