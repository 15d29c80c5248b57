package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.precisionrx.devtools.SeededPatients.SeededPatient;

class DemoScenarioTest {

    private static SeededPatient patient(String fhirId, String indication, String cyp2c19) {
        return new SeededPatient(fhirId, "id-" + fhirId, indication, 60, "female", cyp2c19, "-", "-");
    }

    @Test
    void signsClopidogrelForAnAcsPatientWhoCannotActivateIt() {
        List<SeededPatient> patients = List.of(
                patient("p1", "af-stroke-prevention", "Poor Metabolizer"),
                patient("p2", "acs-pci", "Normal Metabolizer"),
                patient("p3", "acs-pci", "Intermediate Metabolizer"));

        DemoScenario.Plan plan = DemoScenario.plan(patients);

        assertThat(plan.chart().fhirId()).isEqualTo("p3");
        assertThat(plan.signed()).isEqualTo(DemoScenario.CLOPIDOGREL);
        assertThat(plan.checked().fhirId()).isEqualTo("p1");
        assertThat(plan.pharmacistOrder()).isEqualTo(DemoScenario.APIXABAN_OVERDOSE);
    }

    @Test
    void prefersAPoorMetabolizerAndTakesAnyIndicationWhenNoAcsPatientHasOne() {
        assertThat(DemoScenario.plan(List.of(patient("p1", "acs-pci", "Intermediate Metabolizer"),
                patient("p2", "acs-pci", "Poor Metabolizer"))).chart().fhirId()).isEqualTo("p2");
        assertThat(DemoScenario.plan(List.of(patient("p1", "depression", "Normal Metabolizer"),
                patient("p2", "hyperlipidaemia", "Poor Metabolizer"))).chart().fhirId()).isEqualTo("p2");
    }

    @Test
    void fallsBackToAnApixabanOverdoseWithoutACyp2c19Finding() {
        DemoScenario.Plan plan = DemoScenario.plan(List.of(patient("p1", "depression", "not tested"),
                patient("p2", "af-stroke-prevention", "Normal Metabolizer")));

        assertThat(plan.chart().fhirId()).isEqualTo("p2");
        assertThat(plan.signed()).isEqualTo(DemoScenario.APIXABAN_OVERDOSE);
    }

    @Test
    void thePharmacistsCheckIsTheGatewaysOrderCheck() throws Exception {
        var body = new ObjectMapper().readTree(DemoScenario.doseCheck(DemoScenario.APIXABAN_OVERDOSE, "af-stroke-prevention"));

        assertThat(body.get("drugId").asText()).isEqualTo("apixaban");
        assertThat(body.get("amount").asDouble()).isEqualTo(50);
        assertThat(body.get("unit").asText()).isEqualTo("mg");
        assertThat(body.get("frequency").asText()).isEqualTo("BID");
        assertThat(body.get("indicationId").asText()).isEqualTo("af-stroke-prevention");
    }
}
