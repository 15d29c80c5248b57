package org.precisionrx.gateway.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.precisionrx.devtools.EhrBundles;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.CohortSimulator;
import org.precisionrx.simulator.FhirExport;
import org.precisionrx.simulator.Indication;

/**
 * The patients every gateway test works with, created once through the gateway's own admin API:
 * imported from FHIR, put on care teams, linked to patient users.
 * <ul>
 * <li>{@code own}: pt.dee's record; on no care team;</li>
 * <li>{@code assigned}: on dr.ada's care team;</li>
 * <li>{@code unassigned}: on no care team, linked to no one;</li>
 * <li>{@code other}: on dr.bo's care team, from another hospital's FHIR server.</li>
 * </ul>
 * pt.eve starts linked to {@code other}; the authorization matrix relinks her as it tests the
 * admin's link endpoint, so no test relies on her link.
 * The first three come from the test EHR's FHIR server.
 */
public final class Fixtures {

    public static final String OTHER_HOSPITAL = "https://other-hospital.example.org/fhir";

    public record Patients(String own, String assigned, String unassigned, String other, List<String> fhirIds,
            List<String> bundles) {
    }

    private static Patients patients;

    private Fixtures() {
    }

    public static synchronized Patients patients() {
        if (patients == null) {
            patients = create();
        }
        return patients;
    }

    private static Patients create() {
        List<CohortRow> rows = new CohortSimulator().demoPatients(4, 5150, Indication.AF_STROKE_PREVENTION);
        FhirExport export = new FhirExport(LocalDate.now(ZoneOffset.UTC));
        List<String> ids = new ArrayList<>();
        List<String> fhirIds = new ArrayList<>();
        List<String> bundles = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String bundle = EhrBundles.withFhirId(export.json(rows.get(i), i), "ehr-patient-" + i);
            bundles.add(bundle);
            String source = i == 3 ? OTHER_HOSPITAL : TestEhr.get().fhirServer();
            JsonPath report = given().auth().oauth2(Users.token(Users.ADMIN)).contentType("application/fhir+json")
                    .queryParam("sourceSystem", source).body(bundle)
                    .when().post("/api/v1/imports/fhir")
                    .then().statusCode(200).extract().jsonPath();
            ids.add(report.getString("patients[0].patientId"));
            fhirIds.add("ehr-patient-" + i);
        }
        Patients created = new Patients(ids.get(0), ids.get(1), ids.get(2), ids.get(3), fhirIds, bundles);
        String admin = Users.token(Users.ADMIN);
        given().auth().oauth2(admin).put("/api/v1/care-teams/" + created.assigned() + "/members/" + Users.CLINICIAN)
                .then().statusCode(201);
        given().auth().oauth2(admin).put("/api/v1/care-teams/" + created.other() + "/members/" + Users.OTHER_CLINICIAN)
                .then().statusCode(201);
        link(admin, Users.PATIENT, created.own());
        link(admin, Users.OTHER_PATIENT, created.other());
        return created;
    }

    public static void link(String adminToken, String username, String patientId) {
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body("{\"patientId\":\"" + patientId + "\"}")
                .put("/api/v1/patient-links/" + username).then().statusCode(204);
        Users.freshToken(username);
    }
}
