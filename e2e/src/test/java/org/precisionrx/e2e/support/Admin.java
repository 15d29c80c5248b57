package org.precisionrx.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;

/** What an admin (or the EHR system's client) does through the gateway to set the scene for a flow. */
public final class Admin {

    private final GatewayClient gateway;
    private final Users users;

    public Admin(RunningSystem system) {
        this.gateway = system.gateway();
        this.users = system.users();
    }

    /** Imports a FHIR bundle as ad.fay; returns the internal id of its (first) patient. */
    public String importFhir(String sourceSystem, String bundle) {
        return importFhir(users.token(Users.ADMIN), sourceSystem, bundle);
    }

    /** Imports a FHIR bundle with the given token (an admin's or the EHR client's); returns the patient id. */
    public String importFhir(String token, String sourceSystem, String bundle) {
        JsonNode report = importReport(token, sourceSystem, bundle);
        JsonNode patient = report.path("patients").path(0);
        if (patient.path("patientId").asText().isEmpty() || patient.path("outcome").asText().endsWith("FAILED")) {
            throw new AssertionError("import stored no patient: " + report);
        }
        return patient.path("patientId").asText();
    }

    /** The import report of a FHIR bundle sent with {@code token}. */
    public JsonNode importReport(String token, String sourceSystem, String bundle) {
        return gateway.post("/api/v1/imports/fhir?sourceSystem=" + sourceSystem).bearer(token)
                .body("application/fhir+json", bundle).send().expect(200).json();
    }

    /** PharmCAT outside calls (gene, diplotype per line) for a stored patient. */
    public JsonNode importPharmcat(String patientId, String tsv) {
        return gateway.post("/api/v1/patients/" + patientId + "/pharmcat-calls").bearer(users.token(Users.ADMIN))
                .body("text/tab-separated-values", tsv).send().expect(200).json();
    }

    public void assignCareTeam(String patientId, String clinician) {
        gateway.put("/api/v1/care-teams/" + patientId + "/members/" + clinician).bearer(users.token(Users.ADMIN))
                .send().expect(201);
    }

    /** Links a patient user to their record (the Keycloak attribute patient_id); their next login carries it. */
    public void linkPatientUser(String username, String patientId) {
        gateway.put("/api/v1/patient-links/" + username).bearer(users.token(Users.ADMIN))
                .json("{\"patientId\":\"" + patientId + "\"}").send().expect(204);
    }
}
