package org.precisionrx.devtools;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.precisionrx.devtools.DemoPatients.DemoPatient;
import org.precisionrx.devtools.SeededPatients.SeededPatient;
import org.precisionrx.testsupport.KeycloakLogin;

/**
 * Loads the demo patients through the gateway's admin API, as the development EHR (client
 * {@code precisionrx-ehr}, role admin): imports each patient's FHIR export, puts the first half on
 * dr.ada's care team and links pt.dee to the first patient. Safe to repeat: imports of unchanged
 * records change nothing, care-team assignments are kept, and links are set again (Keycloak in
 * dev-mem forgets them when it restarts).
 */
public final class DemoSeeder {

    static final String CLINICIAN = "dr.ada";
    static final String PATIENT_USER = "pt.dee";

    private final Path stateDir;
    private final GatewayClient gateway;
    private final PrintStream out;

    public DemoSeeder(Path stateDir, GatewayClient gateway, PrintStream out) {
        this.stateDir = stateDir;
        this.gateway = gateway;
        this.out = out;
    }

    public List<SeededPatient> seed() {
        String token = KeycloakLogin.clientCredentials(LocalSuite.REALM_URL, LocalSuite.EHR_CLIENT, LocalSuite.ehrClientSecret())
                .accessToken();
        String fhirServer = LocalSuite.ehr(stateDir).fhirServer();
        LocalDate asOf = DemoPatients.asOf(stateDir, LocalDate.now(ZoneOffset.UTC));
        List<DemoPatient> demo = DemoPatients.generate(DemoPatients.COUNT, DemoPatients.SEED, asOf);

        out.print("  importing " + demo.size() + " demo patients (FHIR R4, source " + fhirServer + ") ");
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (DemoPatient patient : demo) {
            JsonNode result = importOne(token, fhirServer, patient);
            ids.add(result.path("patientId").asText());
            outcomes.merge(outcome(result), 1, Integer::sum);
            out.print(".");
            out.flush();
        }
        out.println(" " + outcomes.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));

        List<SeededPatient> seeded = new ArrayList<>();
        int onCareTeam = demo.size() / 2;
        int added = 0;
        for (int i = 0; i < demo.size(); i++) {
            boolean onTeam = i < onCareTeam;
            if (onTeam && gateway.put("/api/v1/care-teams/" + ids.get(i) + "/members/" + CLINICIAN, token, null) == 201) {
                added++;
            }
            DemoPatient p = demo.get(i);
            seeded.add(new SeededPatient(p.fhirId(), ids.get(i), p.indication(), p.age(), p.sex(), p.cyp2c19(),
                    onTeam ? CLINICIAN : "-", i == 0 ? PATIENT_USER : "-"));
        }
        out.println("  care team of " + CLINICIAN + ": " + onCareTeam + " patients (" + added + " newly added)");
        gateway.put("/api/v1/patient-links/" + PATIENT_USER, token, "{\"patientId\":\"" + ids.get(0) + "\"}");
        out.println("  " + PATIENT_USER + " linked to " + demo.get(0).fhirId() + " (" + ids.get(0) + ")");
        SeededPatients.write(stateDir, seeded);
        return seeded;
    }

    private JsonNode importOne(String token, String fhirServer, DemoPatient patient) {
        JsonNode report = gateway.post("/api/v1/imports/fhir?sourceSystem=" + URLEncoder.encode(fhirServer, StandardCharsets.UTF_8),
                token, "application/fhir+json", patient.bundle());
        JsonNode result = report.path("patients").path(0);
        if (result.path("patientId").asText().isEmpty() || "IMPORT_OUTCOME_FAILED".equals(result.path("outcome").asText())) {
            throw new IllegalStateException("import of " + patient.fhirId() + " failed: " + result.path("problems"));
        }
        return result;
    }

    /** "IMPORT_OUTCOME_UNCHANGED" → "unchanged". */
    static String outcome(JsonNode result) {
        return result.path("outcome").asText("IMPORT_OUTCOME_UNSPECIFIED").replace("IMPORT_OUTCOME_", "").toLowerCase(Locale.ROOT);
    }
}
