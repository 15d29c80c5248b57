package org.precisionrx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.precisionrx.e2e.support.Admin;
import org.precisionrx.e2e.support.DemoPatients;
import org.precisionrx.e2e.support.EndToEnd;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.Users;
import org.precisionrx.simulator.Indication;

/**
 * ph.cy, logged in for real, checks abacavir orders (HIV: 600 mg a day) for two patients whose
 * HLA-B typing came in as PharmCAT calls: one without HLA-B*57:01, one carrying it, for whom
 * abacavir is contraindicated (CPIC).
 */
@EndToEnd
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PharmacistFlowTest {

    static final String SOURCE = "https://ehr.pharmacy.e2e.precisionrx.example/fhir";

    private final RunningSystem system;
    private String withoutHlaB5701;
    private String carrierOfHlaB5701;

    PharmacistFlowTest(RunningSystem system) {
        this.system = system;
    }

    @BeforeAll
    void twoPatientsWithHlaTyping() {
        Admin admin = new Admin(system);
        withoutHlaB5701 = admin.importFhir(SOURCE,
                DemoPatients.pick(Indication.AF_STROKE_PREVENTION, 6202, "e2e-pharmacy-1", DemoPatients.PLAIN).bundle());
        carrierOfHlaB5701 = admin.importFhir(SOURCE,
                DemoPatients.pick(Indication.AF_STROKE_PREVENTION, 6202, "e2e-pharmacy-2", DemoPatients.PLAIN, 1).bundle());
        admin.importPharmcat(withoutHlaB5701, "gene\tdiplotype\nHLA-B\t*08:01/*44:03\n");
        admin.importPharmcat(carrierOfHlaB5701, "gene\tdiplotype\nHLA-B\t*57:01/*08:01\n");
    }

    @Test
    void aStandardDoseIsWithinRange() {
        JsonNode check = abacavir(withoutHlaB5701, 600, "ONCE_DAILY");
        assertThat(check.path("verdict").asText()).as(check.toString()).isEqualTo("VERDICT_WITHIN_RANGE");
    }

    @Test
    void twiceTheDailyDoseIsAboveRange() {
        JsonNode check = abacavir(withoutHlaB5701, 600, "BID");
        assertThat(check.path("verdict").asText()).as(check.toString()).isEqualTo("VERDICT_ABOVE_RANGE");
        assertThat(check.path("recommended").path("high").asDouble()).isEqualTo(600.0);
    }

    @Test
    void anHlaB5701CarrierMustNotHaveAbacavir() {
        JsonNode check = abacavir(carrierOfHlaB5701, 600, "ONCE_DAILY");
        assertThat(check.path("verdict").asText()).as(check.toString()).isEqualTo("VERDICT_CONTRAINDICATED");
        assertThat(check.toString()).contains("HLA-B*57:01");
    }

    private JsonNode abacavir(String patientId, double mg, String frequency) {
        return system.gateway().post("/api/v1/patients/" + patientId + "/dose-checks")
                .bearer(system.users().token(Users.PHARMACIST))
                .json("""
                        {"drugId":"abacavir","amount":%s,"unit":"mg","route":"oral","frequency":"%s","indicationId":"hiv"}
                        """.formatted(mg, frequency))
                .send().expect(200).json();
    }
}
