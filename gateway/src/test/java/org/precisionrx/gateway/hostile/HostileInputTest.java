package org.precisionrx.gateway.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.gateway.hostile.Rejections.assertProblem;
import static org.precisionrx.gateway.hostile.Rejections.assertRejected;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.StoredData;
import org.precisionrx.gateway.support.Users;

/**
 * Hostile bodies, numbers and ids against the real endpoints. Each is refused with a 4xx
 * problem+json naming what was wrong, and after each test nothing stored behind the gateway has
 * changed (the audit trail aside).
 */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class HostileInputTest {

    private Map<String, String> storedBefore;

    @BeforeEach
    void rememberWhatIsStored() {
        Fixtures.patients();
        storedBefore = StoredData.fingerprint();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(StoredData.fingerprint()).as("data behind the gateway").isEqualTo(storedBefore);
    }

    private static RequestSpecification clinician() {
        return given().auth().oauth2(Users.token(Users.CLINICIAN));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Users.token(Users.ADMIN));
    }

    private static String doseChecks() {
        return "/api/v1/patients/" + Fixtures.patients().assigned() + "/dose-checks";
    }

    private static Response checkDose(String json) {
        return clinician().contentType(ContentType.JSON).body(json).post(doseChecks());
    }

    private static String order(String amount) {
        return "{\"drugId\":\"apixaban\",\"amount\":" + amount + ",\"unit\":\"mg\",\"frequency\":\"BID\"}";
    }

    // --- size ---

    @Test
    void aJsonBodyAbove64KiBIs413BeforeItIsRead() {
        String padding = "x".repeat(70 * 1024);
        Response response = checkDose("{\"drugId\":\"" + padding + "\",\"amount\":5,\"unit\":\"mg\",\"frequency\":\"BID\"}");
        assertProblem(response, 413);
        assertThat(response.jsonPath().getString("detail")).contains("64 KiB");
    }

    @Test
    void aPharmcatFileAbove256KiBIs413() {
        Response response = admin().contentType("text/tab-separated-values")
                .body("CYP2C19\t*1/*2\n".repeat(20_000))
                .post("/api/v1/patients/" + Fixtures.patients().assigned() + "/pharmcat-calls");
        assertProblem(response, 413);
        assertThat(response.jsonPath().getString("detail")).contains("256 KiB");
    }

    @Test
    void aFhirImportAbove16MiBIs413() {
        byte[] body = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        Response response = admin().contentType("application/fhir+json").queryParam("sourceSystem", Fixtures.OTHER_HOSPITAL)
                .body(body).post("/api/v1/imports/fhir");
        assertProblem(response, 413);
        assertThat(response.jsonPath().getString("detail")).contains("16 MiB");
    }

    // --- structure ---

    @Test
    void deeplyNestedJsonIsBoundedAndNamed() {
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        Response hook = given().contentType(ContentType.JSON).body("{\"context\":" + nested + "}")
                .post("/cds-services/precisionrx-patient-view");
        // Jackson's size limits throw without the parser's position, so these name the body.
        assertRejected(hook, 400, "body");
        assertThat(hook.jsonPath().getString("detail")).contains("nests deeper than 64 levels");
        // Bound to a String, the array is refused as the wrong shape before it gets deep.
        Response api = checkDose("{\"drugId\":" + nested + "}");
        assertRejected(api, 400, "drugId");
    }

    @Test
    void deeplyNestedFhirIsRefusedAsBadInput() {
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        Response response = admin().contentType("application/fhir+json").queryParam("sourceSystem", Fixtures.OTHER_HOSPITAL)
                .body("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":" + nested + "}").post("/api/v1/imports/fhir");
        assertProblem(response, 400);
    }

    @Test
    void aDuplicateKeyIsRefusedNotResolvedSilently() {
        Response response = checkDose("{\"drugId\":\"apixaban\",\"amount\":5,\"amount\":500,\"unit\":\"mg\",\"frequency\":\"BID\"}");
        assertRejected(response, 400, "amount");
        assertThat(response.jsonPath().getString("detail")).contains("more than once");
        Response link = admin().contentType(ContentType.JSON)
                .body("{\"patientId\":\"" + Fixtures.patients().own() + "\",\"patientId\":\"" + Fixtures.patients().other() + "\"}")
                .put("/api/v1/patient-links/" + Users.PATIENT);
        assertRejected(link, 400, "patientId");
    }

    @Test
    void unknownFieldsAreNamed() {
        assertRejected(checkDose("{\"drugId\":\"apixaban\",\"amount\":5,\"unit\":\"mg\",\"frequency\":\"BID\",\"approvedBy\":\"admin\"}"),
                400, "approvedBy");
        Response link = admin().contentType(ContentType.JSON)
                .body("{\"patientId\":\"" + Fixtures.patients().own() + "\",\"roles\":[\"admin\"]}")
                .put("/api/v1/patient-links/" + Users.PATIENT);
        assertRejected(link, 400, "roles");
    }

    // --- content types and encodings ---

    @Test
    void aWrongContentTypeIs415AndSaysWhatToSend() {
        Response text = clinician().contentType(ContentType.TEXT).body(order("5")).post(doseChecks());
        assertProblem(text, 415);
        assertThat(text.jsonPath().getString("detail")).contains("application/json");
        Response xml = clinician().contentType(ContentType.XML).body("<indicationId>af</indicationId>")
                .post("/api/v1/patients/" + Fixtures.patients().assigned() + "/recommendations");
        assertProblem(xml, 415);
        Response json = admin().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/patients/" + Fixtures.patients().assigned() + "/pharmcat-calls");
        assertProblem(json, 415);
        assertThat(json.jsonPath().getString("detail")).contains("text/tab-separated-values");
    }

    @Test
    void invalidUtf8IsA400NotA500() {
        byte[] json = withInvalidByte("{\"drugId\":\"apix#ban\",\"amount\":5,\"unit\":\"mg\",\"frequency\":\"BID\"}");
        assertRejected(clinician().contentType("application/json").body(json).post(doseChecks()), 400, "drugId");
        byte[] tsv = withInvalidByte("CYP2C19\t*1/*#\n");
        assertRejected(admin().contentType("text/tab-separated-values").body(tsv)
                .post("/api/v1/patients/" + Fixtures.patients().assigned() + "/pharmcat-calls"), 400, "body");
        byte[] fhir = withInvalidByte(Fixtures.patients().bundles().get(1).replace("\"female\"", "\"fem#le\"")
                .replace("\"male\"", "\"m#le\""));
        Response imported = admin().contentType("application/fhir+json").queryParam("sourceSystem", Fixtures.OTHER_HOSPITAL)
                .body(fhir).post("/api/v1/imports/fhir");
        assertRejected(imported, 400, "body");
        assertThat(imported.jsonPath().getString("detail")).contains("UTF-8");
    }

    /** The text as UTF-8 with each {@code #} replaced by 0xC3 0x28, a sequence no UTF-8 text contains. */
    private static byte[] withInvalidByte(String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte b : plain) {
            if (b == '#') {
                out.write(0xC3);
                out.write(0x28);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    // --- numbers ---

    @ParameterizedTest
    @ValueSource(strings = { "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "1e400", "-5", "0", "-0.0" })
    void aDoseMustBeAFinitePositiveNumber(String amount) {
        Response response = checkDose(order(amount));
        assertRejected(response, 400, "amount");
    }

    @Test
    void aNumberLongerThanTheReadersLimitIsRefusedBeforeItIsRead() {
        Response response = checkDose(order("1".repeat(105)));
        // A size limit of Jackson's, thrown without the parser's position: the body is named.
        assertRejected(response, 400, "body");
        assertThat(response.jsonPath().getString("detail")).contains("number longer than 100 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = { "99999999999999999999", "2147483648", "-1", "1.5e300", "true" })
    void maxOptionsOutOfRangeIsNamed(String maxOptions) {
        Response response = clinician().contentType(ContentType.JSON)
                .body("{\"indicationId\":\"af-stroke-prevention\",\"maxOptions\":" + maxOptions + "}")
                .post("/api/v1/patients/" + Fixtures.patients().assigned() + "/recommendations");
        assertRejected(response, 400, "maxOptions");
    }

    @ParameterizedTest
    @ValueSource(doubles = { 5, 900, 0 })
    void anAbsurdWeightIsRefusedAndTheStoredPatientKeepsTheirs(double kg) {
        String bundle = FhirBundles.withWeight(Fixtures.patients().bundles().get(1), kg);
        Response response = admin().contentType("application/fhir+json")
                .queryParam("sourceSystem", org.precisionrx.gateway.cdshooks.auth.TestEhr.get().fhirServer())
                .body(bundle).post("/api/v1/imports/fhir");
        assertWeightRefused(response);
    }

    @ParameterizedTest
    @ValueSource(doubles = { 5, 900 })
    void aNewAdultWithAnAbsurdWeightIsNotCreated(double kg) {
        String bundle = FhirBundles.withWeight(FhirBundles.newAdult("hostile-adult-" + (int) kg), kg);
        Response response = admin().contentType("application/fhir+json")
                .queryParam("sourceSystem", org.precisionrx.gateway.cdshooks.auth.TestEhr.get().fhirServer())
                .body(bundle).post("/api/v1/imports/fhir");
        assertWeightRefused(response);
    }

    private static void assertWeightRefused(Response response) {
        assertProblem(response, 400);
        assertThat(response.jsonPath().getString("detail")).startsWith("no patient was imported");
        assertThat(response.jsonPath().getList("violations", Map.class)).anySatisfy(v -> {
            assertThat((String) v.get("field")).isNotBlank();
            assertThat(v.get("field") + " " + v.get("message")).containsIgnoringCase("weigh");
        });
    }

    // --- ids ---

    @ParameterizedTest
    @ValueSource(strings = { "1' OR '1'='1", "x; DROP TABLE patient;--", "../../audit", "..%2F..%2Faudit", "%00",
            "00000000-0000-0000-0000-00000000000'", "\u0000", "$(id)", "*", "00000000-0000-0000-0000-000000000000/../x" })
    void idsWithSqlOrPathMetacharactersAreRefused(String id) {
        Response profile = clinician().pathParam("id", id).get("/api/v1/patients/{id}/profile");
        assertThat(profile.statusCode()).as(id).isIn(400, 404);
        assertProblem(profile, profile.statusCode());
        Response dose = clinician().contentType(ContentType.JSON).body(order("5")).pathParam("id", id)
                .post("/api/v1/patients/{id}/dose-checks");
        assertThat(dose.statusCode()).as(id).isIn(400, 404);
        assertProblem(dose, dose.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = { "dr.ada' OR '1'='1", "dr.ada;--", "../dr.ada", "DR.ADA", "dr ada" })
    void usernamesWithMetacharactersAreRefused(String username) {
        Response response = admin().pathParam("user", username)
                .put("/api/v1/care-teams/" + Fixtures.patients().unassigned() + "/members/{user}");
        assertThat(response.statusCode()).as(username).isIn(400, 404);
        assertProblem(response, response.statusCode());
    }

    @Test
    void aSourceSystemThatIsNotAnHttpUrlIsRefused() {
        for (String source : new String[] { "javascript:alert(1)", "file:///etc/passwd", "' OR 1=1 --" }) {
            Response response = admin().contentType("application/fhir+json").queryParam("sourceSystem", source)
                    .body(Fixtures.patients().bundles().get(1)).post("/api/v1/imports/fhir");
            assertRejected(response, 400, "sourceSystem");
        }
    }
}
