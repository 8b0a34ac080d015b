package io.leadpipeline.opsconsole.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.leadpipeline.devstack.DevStackTestResource;
import io.leadpipeline.opsconsole.PipelineTraffic;
import io.leadpipeline.opsconsole.RoutingRosterStub;
import io.leadpipeline.service.security.Roles;
import io.leadpipeline.testkit.SignedInAs;
import io.leadpipeline.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Proves the page in a real headless Chromium: it asks for a token first, and once signed in through its form, while
 * leads flow through the topics, it shows the funnel numbers and a searched lead's timeline as they arrive, without a
 * reload; signing out brings the form back. Leaves a screenshot in
 * {@code target/ops-console.png} (the one in {@code docs/} is a copy).
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
@WithTestResource(RoutingRosterStub.class)
@SignedInAs(Roles.OPS)
class OpsConsolePageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Path SCREENSHOT = Path.of("target", "ops-console.png");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "apicurio.registry.url")
    String registryUrl;

    @TestHTTPResource("/")
    URL page;

    private Path profile;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        String chrome = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
        profile = Files.createTempDirectory("ops-console-chrome");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1600,1900", "--user-data-dir=" + profile);
        // The driver is given explicitly, so Selenium Manager never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void shouldShowFunnelNumbersAndASearchedLeadsTimelineWhileLeadsFlow() throws Exception {
        Map<String, Integer> before = funnelAllTime();
        String nurtured = "reader." + UUID.randomUUID().toString().substring(0, 8) + "@gmail.example";

        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(250));
        signIn(wait);
        browser.findElement(By.cssSelector(".windows button[data-window='all']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-CAPTURED"), format(before.get("CAPTURED"))));

        // Search before the lead exists: the page says so, then fills the timeline in as its events arrive.
        WebElement search = browser.findElement(By.id("journey-input"));
        search.sendKeys(nurtured.toUpperCase());
        browser.findElement(By.id("journey-search")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("journey-problem")));

        CompletableFuture<Void> flowing = CompletableFuture.runAsync(() -> {
            try (PipelineTraffic traffic = new PipelineTraffic(bootstrapServers, registryUrl)) {
                for (int i = 0; i < 3; i++) {
                    String sales = traffic.acceptedSalesLead("buyer" + i + "." + UUID.randomUUID() + "@initech.example");
                    traffic.reassignedSalesLead("cto" + i + "." + UUID.randomUUID() + "@globex.example");
                    if (i == 1) {
                        traffic.requalifiedNurtureLead(nurtured);
                        traffic.deadLetter(sales, "Cannot deserialize: Unknown magic byte!");
                    }
                    sleep(Duration.ofMillis(700));
                }
            }
        });

        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-CAPTURED"), format(before.get("CAPTURED") + 7)));
        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-SQL"), format(before.get("SQL") + 6)));
        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-ACCEPTED"), format(before.get("ACCEPTED") + 3)));
        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-REQUALIFIED"), format(before.get("REQUALIFIED") + 1)));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline > li"), 7));
        flowing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        List<String> events = browser.findElements(By.cssSelector("#timeline > li")).stream()
                .map(item -> item.getAttribute("data-event")).toList();
        assertEquals(List.of("ConversionCaptured", "QualificationDecided", "NurtureEnrolled", "NurtureTouchDue",
                "EngagementTracked", "QualificationDecided", "NurtureExited"), events);
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertTrue(timeline.contains("Decided REJECTED (LOW_SCORE)"), timeline);
        assertTrue(timeline.contains("Writes from a free-mail address"), "decision reasons are shown: " + timeline);
        assertEquals("MQL", browser.findElement(By.id("journey-stage")).getText());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#closers tr[data-closer='closer-chen']"), "Chen Li"));
        String chen = browser.findElement(By.cssSelector("#closers tr[data-closer='closer-chen']")).getText();
        assertTrue(chen.contains("/ 4"), "open handoffs against routing's capacity: " + chen);
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("latency-p50"), "–")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dlq-reasons"), "Unknown magic byte!"));

        screenshot();

        browser.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        assertEquals("Signed out.", browser.findElement(By.id("signin-problem")).getText());
        assertTrue(!browser.findElement(By.id("dashboard")).isDisplayed(), "the dashboard is gone");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        assertTrue(!browser.findElement(By.id("dashboard")).isDisplayed(), "and stays gone after a reload");
    }

    @Test
    void shouldAskForATokenAndSayWhyAWrongOneIsRefused() {
        browser.get(page.toString());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(250));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        assertTrue(browser.findElement(By.id("signin-section")).getText().contains("./pipeline token ops"));
        assertTrue(!browser.findElement(By.id("dashboard")).isDisplayed(), "no dashboard before signing in");

        browser.findElement(By.id("signin-token")).sendKeys(raw(TestTokens.bearer(Roles.MARKETING_OPS)));
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-problem"), "ops or admin"));

        browser.findElement(By.id("signin-token")).sendKeys("not-a-token");
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-problem"), "not valid"));
        assertTrue(!browser.findElement(By.id("dashboard")).isDisplayed(), "still no dashboard");
        assertEquals(List.of(), browser.manage().getCookies().stream().map(c -> c.getName()).toList(),
                "no cookie for a refused token");
    }

    /** As a user does: the form, the output of ./pipeline token ops pasted, sign in; the dashboard replaces the form. */
    private void signIn(WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        browser.findElement(By.id("signin-token")).sendKeys(raw(TestTokens.bearer(Roles.OPS)));
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        assertTrue(!browser.findElement(By.id("signin-section")).isDisplayed(), "the form is gone once signed in");
        assertTrue(browser.findElement(By.id("signed-in")).getText().startsWith("ops (ops)"),
                browser.findElement(By.id("signed-in")).getText());
        org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("ops-console-session");
        assertTrue(session != null && session.isHttpOnly() && "Strict".equals(session.getSameSite()),
                "an HttpOnly, SameSite=Strict session cookie: " + session);
    }

    private static String raw(String authorization) {
        return authorization.substring("Bearer ".length());
    }

    private void screenshot() throws IOException {
        Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(taken, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, Integer> funnelAllTime() {
        JsonPath report = given().get("/api/funnel?window=all").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> steps = report.getList("steps");
        return steps.stream().collect(java.util.stream.Collectors.toMap(step -> (String) step.get("step"),
                step -> ((Number) step.get("count")).intValue()));
    }

    /** As the page writes numbers (en-US grouping). */
    private static String format(int count) {
        return String.format(java.util.Locale.US, "%,d", count);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
