package org.precisionrx.gateway.view;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

/**
 * A role never receives fields it may not see: every field path of each role's JSON must start
 * with one of that role's allowed prefixes. Checked on real responses for real patients.
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class ResponseMinimisationTest {

    static final List<String> PHARMACIST_PROFILE = List.of("patientId", "version", "demographics.sexAtBirth",
            "demographics.weightKg", "demographics.weightObservedAt", "genetics",
            "history.medications", "history.allergies", "history.labs", "derived.ageYears",
            "derived.creatinineClearanceMlMin", "derived.egfrMlMin173m2", "derived.egfrSource", "derived.serumCreatinineMgDl",
            "derived.latestLabs", "derived.gaps", "derived.computedOn");
    static final List<String> PATIENT_PROFILE = List.of("patientId", "ageYears", "medicines", "allergies", "genes",
            "missingInformation");
    static final List<String> PATIENT_RECOMMENDATIONS = List.of("indication", "basis", "notes", "options[].rank",
            "options[].medicine", "options[].chanceOfHelping", "options[].chanceOfSeriousSideEffect", "options[].safety",
            "options[].reasons");

    @Test
    void theCareTeamSeesTheWholeProfile() {
        Set<String> paths = JsonPaths.of(profile(Users.CLINICIAN, Fixtures.patients().assigned()));
        assertThat(paths).contains("identifiers", "demographics.birthDate", "history.conditions", "genetics.results");
    }

    @Test
    void aPharmacistSeesOnlyWhatDosingNeeds() {
        String json = profile(Users.PHARMACIST, Fixtures.patients().unassigned());
        Set<String> paths = JsonPaths.of(json);
        assertOnly(paths, PHARMACIST_PROFILE);
        assertThat(paths).contains("genetics.results", "history.medications").doesNotContain("lifestyle",
                "identifiers", "demographics.birthDate", "history.conditions", "consent");
        // Labs are the renal and hepatic ones only.
        assertThat(given().auth().oauth2(Users.token(Users.PHARMACIST))
                .get("/api/v1/patients/" + Fixtures.patients().unassigned() + "/profile").jsonPath()
                .getList("history.labs.loinc", String.class))
                .allMatch(MedicationProfile.RENAL_AND_HEPATIC_LOINC::contains);
    }

    @Test
    void aPatientSeesTheirOwnRecordInPlainWords() {
        Set<String> paths = JsonPaths.of(profile(Users.PATIENT, Fixtures.patients().own()));
        assertOnly(paths, PATIENT_PROFILE);
        assertThat(paths).doesNotContain("identifiers", "history", "genetics", "derived");
    }

    @Test
    void aPatientsRecommendationsCarryNoDosesScoresOrModelInternals() {
        String json = given().auth().oauth2(Users.token(Users.PATIENT)).contentType(ContentType.JSON)
                .body("{\"indicationId\":\"af-stroke-prevention\"}")
                .post("/api/v1/patients/" + Fixtures.patients().own() + "/recommendations")
                .then().statusCode(200).extract().asString();
        Set<String> paths = JsonPaths.of(json);
        assertOnly(paths, PATIENT_RECOMMENDATIONS);
        assertThat(paths).contains("options[].chanceOfHelping");
    }

    @Test
    void cliniciansGetTheFullRankingWithDosesAndExplanations() {
        String json = given().auth().oauth2(Users.token(Users.CLINICIAN)).contentType(ContentType.JSON)
                .body("{\"indicationId\":\"af-stroke-prevention\"}")
                .post("/api/v1/patients/" + Fixtures.patients().assigned() + "/recommendations")
                .then().statusCode(200).extract().asString();
        assertThat(JsonPaths.of(json)).contains("options[].benefit.mean", "options[].explanation[].contribution",
                "options[].dose.dailyRange.target", "model.version");
    }

    private static String profile(String user, String patientId) {
        return given().auth().oauth2(Users.token(user)).get("/api/v1/patients/" + patientId + "/profile")
                .then().statusCode(200).extract().asString();
    }

    private static void assertOnly(Set<String> paths, List<String> allowedPrefixes) {
        assertThat(paths).allSatisfy(path -> assertThat(allowedPrefixes)
                .as("field %s is not allowed for this role", path)
                .anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[]")
                        // a parent object or list of an allowed field
                        || prefix.startsWith(path + ".") || prefix.startsWith(path + "[]")));
    }
}
