package org.precisionrx.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.precisionrx.gateway.cdshooks.HookRequests;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

/** A clinician on the care team, logged in through Keycloak's form in a real browser. */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class ClinicianPageTest {

    static final By RANKED_ROWS = By.cssSelector("#ranked-options tbody tr");

    @Test
    void aClinicianSeesRankedOptionsWithBenefitBarsAndDoseCharts() {
        String patient = Fixtures.patients().assigned();
        try (Browser browser = Browser.start()) {
            browser.open("/app/patient.html?patient=" + patient + "&indication=af-stroke-prevention").logIn(Users.CLINICIAN);
            browser.waitFor(RANKED_ROWS);

            List<WebElement> rows = browser.all(RANKED_ROWS);
            assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
            assertThat(rows.get(0).findElement(By.cssSelector("td.rank")).getText()).isEqualTo("1");
            for (WebElement row : rows) {
                assertThat(row.findElements(By.cssSelector("svg.bar-benefit"))).hasSize(1);
                assertThat(row.findElement(By.cssSelector("td.safety .badge")).getText()).isNotBlank();
            }
            assertThat(browser.all(By.cssSelector("#ranked-options svg.range"))).isNotEmpty();
            assertThat(browser.all(By.cssSelector("#ranked-options svg.bar-benefit")).get(0).getAttribute("aria-label"))
                    .startsWith("Predicted benefit").contains("90% interval");
            // The first option's reasons and evidence are open: signed contributions and citations.
            WebElement why = browser.find(By.cssSelector("details.why[open]"));
            assertThat(why.findElements(By.cssSelector("table.factors td.signed"))).isNotEmpty()
                    .allSatisfy(cell -> assertThat(cell.getText()).matches("[+−]?\\d+\\.\\d points"));
            assertThat(why.getText()).contains("Guidelines and evidence");
            assertThat(browser.all(By.cssSelector("details.why ul.citations li"))).isNotEmpty();
            assertThat(browser.text(By.id("profile"))).contains("Pharmacogenomic results", "Current medications", "Allergies",
                    "Active conditions");
            assertThat(browser.find(By.id("break-glass")).isDisplayed()).isFalse();
            browser.screenshot("clinician-patient-page");
        }
    }

    @Test
    void theCdsPatientViewCardOpensThisPageForItsPatient() {
        String service = "precisionrx-patient-view";
        String launch = given().header("Authorization", "Bearer " + TestEhr.get().token(HookRequests.BASE + service))
                .contentType(ContentType.JSON).body(HookRequests.body(service, Fixtures.patients().fhirIds().get(1), null, 5))
                .post("/cds-services/" + service).then().statusCode(200).extract().jsonPath()
                .getString("cards[0].links.find { it.type == 'smart' }.url");
        assertThat(launch).isEqualTo(Browser.GATEWAY + "/app/patient.html?patient=" + Fixtures.patients().assigned()
                + "&indication=af-stroke-prevention");

        try (Browser browser = Browser.start()) {
            browser.open(launch.substring(Browser.GATEWAY.length())).logIn(Users.CLINICIAN);
            browser.waitFor(RANKED_ROWS);
            assertThat(browser.currentUrl()).isEqualTo(launch);
            assertThat(browser.find(By.id("indication")).getAttribute("value")).isEqualTo("af-stroke-prevention");
        }
    }
}
