package org.precisionrx.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

/** A clinician outside the care team: the page asks for a reason and the API audits the emergency access. */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class BreakGlassPageTest {

    @Test
    void anUnassignedPatientNeedsABreakGlassReasonAndThenOpens() {
        String patient = Fixtures.patients().unassigned();
        String reason = "Unconscious in ED, on anticoagulant? " + System.nanoTime();
        try (Browser browser = Browser.start()) {
            browser.open("/app/patient.html?patient=" + patient).logIn(Users.CLINICIAN);
            browser.waitFor(By.id("break-glass"));
            assertThat(browser.all(By.id("ranked-options"))).isEmpty();
            assertThat(browser.find(By.cssSelector("label[for=break-glass-reason]")).getText()).contains("Reason");

            // Too short: refused on the page, nothing sent.
            browser.find(By.id("break-glass-reason")).sendKeys("urgent");
            browser.find(By.id("break-glass-submit")).click();
            browser.waitForText(By.id("break-glass-hint"), "at least 10 characters");
            browser.screenshot("clinician-break-glass-prompt");

            browser.find(By.id("break-glass-reason")).clear();
            browser.find(By.id("break-glass-reason")).sendKeys(reason);
            browser.find(By.id("break-glass-submit")).click();
            browser.waitFor(By.cssSelector("#ranked-options tbody tr"));
            assertThat(browser.text(By.id("emergency-banner"))).contains("Emergency access", reason);
            assertThat(browser.find(By.id("break-glass")).isDisplayed()).isFalse();
            browser.screenshot("clinician-break-glass-opened");

            // The reason goes with every later call: switching the indication still works. This
            // patient is a CYP2C19 intermediate metabolizer on omeprazole, so clopidogrel is to be avoided.
            new Select(browser.find(By.id("indication"))).selectByValue("acs-pci");
            WebElement clopidogrel = browser.waitFor(By.cssSelector("#ranked-options tr[data-drug=clopidogrel]"));
            assertThat(clopidogrel.findElement(By.cssSelector(".badge")).getText()).contains("Avoid");
            assertThat(clopidogrel.findElement(By.cssSelector("td.safety .reason")).getText()).contains("CYP2C19");
            assertThat(clopidogrel.getAttribute("class")).contains("unsafe");
            browser.screenshot("clinician-acs-pci-avoid");
        }
        List<Map<String, Object>> records = given().auth().oauth2(Users.token(Users.AUDITOR))
                .queryParam("patientId", patient).queryParam("emergency", true).queryParam("limit", 1000)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("record");
        assertThat(records).filteredOn(r -> reason.equals(r.get("reason")))
                .extracting(r -> r.get("action")).contains("profile.read", "recommendations.request");
        assertThat(records).filteredOn(r -> reason.equals(r.get("reason")))
                .allSatisfy(r -> assertThat(r).containsEntry("clientId", "precisionrx-web").containsEntry("purpose", "ETREAT"));
    }
}
