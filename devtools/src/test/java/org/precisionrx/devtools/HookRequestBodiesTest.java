package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.precisionrx.devtools.HookRequestBodies.DraftMedication;

class HookRequestBodiesTest {

    private static final DraftMedication APIXABAN = new DraftMedication("draft-1", "apixaban", "1364430", 50, 2);

    @Test
    void patientViewNamesThePatientByFhirId() throws Exception {
        JsonNode body = new ObjectMapper().readTree(HookRequestBodies.patientView("demo-patient-02"));

        assertThat(body.get("hook").asText()).isEqualTo("patient-view");
        assertThat(body.get("hookInstance").asText()).hasSize(36);
        assertThat(body.at("/context/patientId").asText()).isEqualTo("demo-patient-02");
        assertThat(body.has("prefetch")).isFalse();
        assertThat(body.has("fhirServer")).isFalse();
    }

    @Test
    void orderSignCarriesTheDraftAsAMedicationRequestTheGatewayReads() throws Exception {
        JsonNode body = new ObjectMapper().readTree(HookRequestBodies.orderSign("demo-patient-01", APIXABAN));

        assertThat(body.get("hook").asText()).isEqualTo("order-sign");
        JsonNode order = body.at("/context/draftOrders/entry/0/resource");
        assertThat(order.get("resourceType").asText()).isEqualTo("MedicationRequest");
        assertThat(order.get("status").asText()).isEqualTo("draft");
        assertThat(order.at("/subject/reference").asText()).isEqualTo("Patient/demo-patient-01");
        assertThat(order.at("/medicationCodeableConcept/coding/0/code").asText()).isEqualTo("1364430");
        assertThat(order.at("/dosageInstruction/0/timing/repeat/frequency").asInt()).isEqualTo(2);
        assertThat(order.at("/dosageInstruction/0/doseAndRate/0/doseQuantity/value").asDouble()).isEqualTo(50);
    }

    @Test
    void describesAndNamesTheFrequencyAsPeopleAndTheGatewayDo() {
        assertThat(APIXABAN.describe()).isEqualTo("apixaban 50 mg twice daily");
        assertThat(APIXABAN.frequency()).isEqualTo("BID");
        assertThat(new DraftMedication("d", "clopidogrel", "32968", 75, 1).describe()).isEqualTo("clopidogrel 75 mg once daily");
        assertThat(new DraftMedication("d", "warfarin", "11289", 2.5, 1).frequency()).isEqualTo("ONCE_DAILY");
        assertThatThrownBy(() -> new DraftMedication("d", "x", "1", 1, 5).frequency()).hasMessageContaining("5 doses a day");
    }
}
