package org.precisionrx.e2e.chaos;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.precisionrx.e2e.support.Admin;
import org.precisionrx.e2e.support.CdsHooks;
import org.precisionrx.e2e.support.DemoPatients;
import org.precisionrx.e2e.support.DemoPatients.DemoPatient;
import org.precisionrx.e2e.support.Reply;
import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.Users;
import org.precisionrx.simulator.Indication;

/**
 * The clinical requests a steady load is made of, for one AF patient on dr.ada's care team: the
 * EHR's patient-view and order-sign hooks, and the REST profile read, recommendations and dose
 * check. Each probe is calibrated with everything up, so a degraded answer is told from a full one.
 */
final class ClinicalProbes {

    private final RunningSystem system;
    private final CdsHooks hooks;
    private final String fhirId;
    private final String patientId;

    private ClinicalProbes(RunningSystem system, String fhirId, String patientId) {
        this.system = system;
        this.hooks = new CdsHooks(system);
        this.fhirId = fhirId;
        this.patientId = patientId;
    }

    /** Imports the patient (demo seed {@code seed}) and puts them on dr.ada's care team. */
    static ClinicalProbes forNewPatient(RunningSystem system, long seed, String fhirId) {
        DemoPatient patient = DemoPatients.pick(Indication.AF_STROKE_PREVENTION, seed, fhirId, DemoPatients.PLAIN);
        Admin admin = new Admin(system);
        String patientId = admin.importFhir(new CdsHooks(system).fhirServer(), patient.bundle());
        admin.assignCareTeam(patientId, Users.CLINICIAN);
        return new ClinicalProbes(system, fhirId, patientId);
    }

    /** Reads: patient-view, the profile, recommendations. */
    List<Probe> reads() {
        return List.of(
                Probe.calibrated("cds patient-view", this::patientView, ClinicalProbes::cards),
                Probe.anyOk("GET profile", this::profile),
                Probe.calibrated("POST recommendations", this::recommendations, ClinicalProbes::ranking));
    }

    /** Reads plus the two dose checks: the REST one and the EHR's order-sign. */
    List<Probe> readsAndChecks() {
        return java.util.stream.Stream.concat(reads().stream(), java.util.stream.Stream.of(
                Probe.anyOk("POST dose-check", this::doseCheck),
                Probe.calibrated("cds order-sign", this::orderSign, ClinicalProbes::cards))).toList();
    }

    String patientId() {
        return patientId;
    }

    Reply patientView() {
        return hooks.call(CdsHooks.PATIENT_VIEW, CdsHooks.patientView(fhirId));
    }

    Reply orderSign() {
        JsonNode draft = CdsHooks.draftOrder("apixaban-chaos", fhirId, "1364430", "apixaban", 5, 2);
        return hooks.call(CdsHooks.ORDER_SIGN, CdsHooks.orderSign(fhirId, List.of(draft)));
    }

    Reply profile() {
        return system.gateway().get("/api/v1/patients/" + patientId + "/profile").bearer(system.users().token(Users.PHARMACIST))
                .send();
    }

    Reply recommendations() {
        return system.gateway().post("/api/v1/patients/" + patientId + "/recommendations")
                .bearer(system.users().token(Users.CLINICIAN)).json("{\"indicationId\":\"af-stroke-prevention\"}").send();
    }

    Reply doseCheck() {
        return system.gateway().post("/api/v1/patients/" + patientId + "/dose-checks")
                .bearer(system.users().token(Users.PHARMACIST))
                .json("{\"drugId\":\"apixaban\",\"amount\":5,\"unit\":\"mg\",\"frequency\":\"BID\"}").send();
    }

    /** The cards' indicators and summaries: a degraded hook answer says so in a card of its own. */
    static String cards(Reply reply) {
        return StreamSupport.stream(reply.json().path("cards").spliterator(), false)
                .map(card -> card.path("indicator").asText() + ":" + card.path("summary").asText())
                .sorted().collect(Collectors.joining("|"));
    }

    /** The degraded flag and the ranked drugs. */
    static String ranking(Reply reply) {
        JsonNode body = reply.json();
        return body.path("degraded").asBoolean() + ":" + StreamSupport.stream(body.path("options").spliterator(), false)
                .map(option -> option.path("drugId").asText()).collect(Collectors.joining(","));
    }
}
