package org.precisionrx.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

/** A patient sees their own record in plain words, and nobody else's. */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class PatientPageTest {

    @Test
    void aPatientSeesTheirOwnRecordInPlainWords() {
        String own = Fixtures.patients().own();
        try (Browser browser = Browser.start()) {
            browser.open("/app/").logIn(Users.PATIENT);
            browser.waitFor(By.linkText("Patient " + own)).click();
            browser.waitFor(By.cssSelector("#ranked-options li"));
            assertThat(browser.text(By.id("page-title"))).isEqualTo("Your record");
            assertThat(browser.text(By.id("profile"))).contains("Your medicines", "Your genetic test results");
            assertThat(browser.text(By.id("ranked-options"))).contains("in 100 people like you");
            assertThat(browser.text(By.id("content"))).contains("not a prescription");
            // No care-team details: no bars, no dose ranges.
            assertThat(browser.all(By.cssSelector("svg.bar, svg.range"))).isEmpty();
            browser.screenshot("patient-own-record");
        }
    }

    @Test
    void anotherPatientsRecordIsRefusedInWords() {
        try (Browser browser = Browser.start()) {
            browser.open("/app/patient.html?patient=" + Fixtures.patients().other()).logIn(Users.PATIENT);
            browser.waitForText(By.id("error"), "you can see your own record only");
            assertThat(browser.all(By.id("profile"))).isEmpty();
            assertThat(browser.text(By.tagName("body"))).doesNotContainIgnoringCase("exception").doesNotContain("at org.");
            browser.screenshot("patient-other-record-refused");
        }
    }
}
