package org.precisionrx.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.precisionrx.gateway.support.Fixtures;
import org.precisionrx.gateway.support.GatewaySuite;
import org.precisionrx.gateway.support.Users;

/** A pharmacist checks orders: typed into the form, or handed over in the link. */
@QuarkusTest
@WithTestResource(GatewaySuite.class)
class PharmacistPageTest {

    @Test
    void anOrderThatIsTooHighIsFlaggedAboveTheRange() {
        String patient = Fixtures.patients().assigned();
        try (Browser browser = Browser.start()) {
            browser.open("/app/pharmacy.html?patient=" + patient).logIn(Users.PHARMACIST);
            WebElement drug = browser.waitFor(By.id("drug"));
            for (WebElement input : browser.all(By.cssSelector("#order input, #order select"))) {
                assertThat(browser.all(By.cssSelector("label[for='" + input.getAttribute("id") + "']")))
                        .as("label of %s", input.getAttribute("id")).hasSize(1);
            }
            assertThat(browser.find(By.id("patient")).getAttribute("value")).isEqualTo(patient);
            drug.sendKeys("apixaban");
            browser.find(By.id("amount")).sendKeys("50");
            new Select(browser.find(By.id("unit"))).selectByValue("mg");
            new Select(browser.find(By.id("frequency"))).selectByValue("BID");
            new Select(browser.find(By.id("indication"))).selectByValue("af-stroke-prevention");
            browser.find(By.id("check")).click();

            browser.waitForText(By.id("verdict"), "Above the recommended range");
            assertThat(browser.text(By.id("daily-dose"))).startsWith("100 mg");
            assertThat(browser.all(By.cssSelector("#result svg.range path.ordered"))).hasSize(1);
            assertThat(browser.all(By.cssSelector("#reasons li"))).isNotEmpty();
            assertThat(browser.currentUrl()).contains("drug=apixaban", "amount=50", "frequency=BID");
            browser.screenshot("pharmacist-order-check-too-high");
        }
    }

    @Test
    void anOrderInTheLinkIsCheckedOnArrivalAndThePharmacistSeesTheMedicationProfile() {
        String patient = Fixtures.patients().assigned();
        try (Browser browser = Browser.start()) {
            browser.open("/app/pharmacy.html?patient=" + patient + "&drug=apixaban&amount=5&unit=mg&frequency=BID"
                    + "&indication=af-stroke-prevention").logIn(Users.PHARMACIST);
            browser.waitFor(By.id("verdict"));
            assertThat(browser.text(By.id("verdict"))).isNotBlank().doesNotContain("No verdict");

            browser.open("/app/patient.html?patient=" + patient);
            browser.waitFor(By.id("profile"));
            assertThat(browser.text(By.id("profile"))).contains("Pharmacogenomic results", "Current medications",
                    "Not part of the pharmacist's view");
            // Pharmacists do not get rankings; the page offers the order check instead.
            assertThat(browser.all(By.id("ranked-options"))).isEmpty();
            assertThat(browser.find(By.linkText("Check a proposed order for this patient")).getAttribute("href"))
                    .contains("/app/pharmacy.html?patient=" + patient);
            browser.screenshot("pharmacist-patient-page");
        }
    }
}
