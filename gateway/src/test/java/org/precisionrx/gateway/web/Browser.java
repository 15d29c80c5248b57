package org.precisionrx.gateway.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for page tests, driven through Debian's chromedriver: Selenium Manager is
 * never asked to find or download anything, since both paths are given.
 */
final class Browser implements AutoCloseable {

    static final String GATEWAY = "http://127.0.0.1:18104";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = "dev-password";
    private static final int WIDTH = 1400;
    private static final Duration WAIT = Duration.ofSeconds(40);

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    static Browser start() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: apt-get install -y chromium chromium-driver (.ci/run does it)");
            }
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-background-networking", "--disable-dev-shm-usage", "--window-size=" + WIDTH + ",1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Opens a gateway page; the page sends the browser to Keycloak's login form first. */
    Browser open(String path) {
        driver.get(GATEWAY + path);
        return this;
    }

    /** Types the user's credentials into Keycloak's own login form, as a person would. */
    Browser logIn(String username) {
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains(GATEWAY + "/app/"));
        return this;
    }

    WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    WebElement find(By locator) {
        return driver.findElement(locator);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String text(By locator) {
        return driver.findElement(locator).getText();
    }

    /** The whole page as a PNG in target/screenshots, for people to look at. */
    Path screenshot(String name) {
        Object height = ((JavascriptExecutor) driver)
                .executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, Math.min(6000, ((Number) height).intValue() + 20)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, 1000));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
