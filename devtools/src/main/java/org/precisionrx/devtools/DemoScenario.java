package org.precisionrx.devtools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.precisionrx.devtools.HookRequestBodies.DraftMedication;
import org.precisionrx.devtools.SeededPatients.SeededPatient;
import org.precisionrx.testsupport.KeycloakLogin;

/**
 * A short story against the running suite: an EHR opens a chart (patient-view) and signs an order
 * the guidelines advise against (order-sign), then a pharmacist checks an order that is too high.
 */
public final class DemoScenario {

    static final String PHARMACIST = "ph.cy";
    static final DraftMedication CLOPIDOGREL = new DraftMedication("demo-order-1", "clopidogrel", "32968", 75, 1);
    static final DraftMedication APIXABAN_OVERDOSE = new DraftMedication("demo-order-1", "apixaban", "1364430", 50, 2);

    /** Who the story is about and which orders it makes. */
    record Plan(SeededPatient chart, DraftMedication signed, SeededPatient checked, DraftMedication pharmacistOrder) {
    }

    private final Path stateDir;
    private final GatewayClient gateway;
    private final PrintStream out;

    public DemoScenario(Path stateDir, GatewayClient gateway, PrintStream out) {
        this.stateDir = stateDir;
        this.gateway = gateway;
        this.out = out;
    }

    /**
     * Clopidogrel for a CYP2C19 poor or intermediate metabolizer (CPIC: avoid), preferably an ACS
     * patient, for whom it would be ordered; without one, an apixaban overdose. The pharmacist
     * checks apixaban 50 mg twice daily (ten times the maximum) for an AF patient.
     */
    static Plan plan(List<SeededPatient> patients) {
        if (patients.isEmpty()) {
            throw new IllegalStateException("no demo patients loaded: run ./precisionrx up");
        }
        SeededPatient af = first(patients, p -> p.indication().equals("af-stroke-prevention")).orElse(patients.get(0));
        Predicate<SeededPatient> acs = p -> p.indication().equals("acs-pci");
        Predicate<SeededPatient> poor = p -> p.cyp2c19().equals("Poor Metabolizer");
        Predicate<SeededPatient> intermediate = p -> p.cyp2c19().equals("Intermediate Metabolizer");
        return first(patients, acs.and(poor))
                .or(() -> first(patients, acs.and(intermediate)))
                .or(() -> first(patients, poor.or(intermediate)))
                .map(metabolizer -> new Plan(metabolizer, CLOPIDOGREL, af, APIXABAN_OVERDOSE))
                .orElse(new Plan(af, APIXABAN_OVERDOSE, af, APIXABAN_OVERDOSE));
    }

    private static Optional<SeededPatient> first(List<SeededPatient> patients, Predicate<SeededPatient> which) {
        return patients.stream().filter(which).findFirst();
    }

    public void run() {
        Plan plan = plan(SeededPatients.read(stateDir));
        DevEhr ehr = LocalSuite.ehr(stateDir);
        SeededPatient chart = plan.chart();

        heading(1, "The EHR opens the chart of " + who(chart) + " (CDS Hooks patient-view)");
        out.println(CardPrinter.cards(callHook(ehr, "precisionrx-patient-view", HookRequestBodies.patientView(chart.fhirId()))));

        heading(2, "The clinician signs " + plan.signed().describe() + " for " + chart.fhirId() + " (CDS Hooks order-sign)");
        out.println(CardPrinter.cards(callHook(ehr, "precisionrx-order-sign",
                HookRequestBodies.orderSign(chart.fhirId(), plan.signed()))));

        DraftMedication order = plan.pharmacistOrder();
        SeededPatient checked = plan.checked();
        heading(3, "Pharmacist " + PHARMACIST + " logs in and checks " + order.describe() + " for " + who(checked)
                + " (POST /api/v1/patients/" + checked.patientId() + "/dose-checks)");
        String token = KeycloakLogin.login(LocalSuite.REALM_URL, LocalSuite.WEB_CLIENT, LocalSuite.WEB_REDIRECT_URI, PHARMACIST,
                LocalSuite.DEMO_PASSWORD).accessToken();
        JsonNode verdict = gateway.post("/api/v1/patients/" + checked.patientId() + "/dose-checks", token, "application/json",
                doseCheck(order, checked.indication()));
        out.println(VerdictPrinter.verdict(verdict));
        out.println();
        TerminalMarkdown.wrap("Each of these calls is in the audit trail: the auditor au.gus reads it with GET /api/v1/audit?patientId="
                + checked.patientId(), "", "", CardPrinter.WIDTH).forEach(out::println);
    }

    private JsonNode callHook(DevEhr ehr, String serviceId, String body) {
        // Each call gets its own token: the gateway refuses a JWT id it has seen before.
        return gateway.post("/cds-services/" + serviceId, ehr.token(LocalSuite.cdsServiceUrl(serviceId)), "application/json", body);
    }

    static String doseCheck(DraftMedication order, String indicationId) {
        return new ObjectMapper().createObjectNode().put("drugId", order.drug()).put("amount", order.mg()).put("unit", "mg")
                .put("route", "oral").put("frequency", order.frequency())
                .put("indicationId", indicationId).toString();
    }

    static String who(SeededPatient p) {
        return p.fhirId() + " (" + p.age() + " y, " + p.sex() + ", " + p.indication() + ", CYP2C19 " + p.cyp2c19() + ")";
    }

    private void heading(int step, String text) {
        out.println();
        TerminalMarkdown.wrap(text, step + ". ", "   ", CardPrinter.WIDTH).forEach(out::println);
        out.println();
    }
}
