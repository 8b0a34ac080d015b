package io.leadpipeline.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadpipeline.devstack.TopicReader;
import io.leadpipeline.events.LeadHandedOff;
import io.leadpipeline.service.security.Roles;

/**
 * Proves the ops console on the real pipeline, in headless Chromium: signed in through its form with an ops token,
 * while form fills flow through the four packaged services, the open page shows the funnel move (captured, SQL, handed off, accepted, rejected, nurtured)
 * and a searched lead's journey across the topics, without a reload. Leaves target/ops-console-pipeline.png.
 */
@ExtendWith(SharedPipeline.class)
@Order(SharedPipeline.FIRST_COUNTS_TOTALS)
class OpsConsoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static RunningPipeline pipeline;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start(RunningPipeline shared) throws Exception {
        pipeline = shared;
        profile = Files.createTempDirectory("ops-console-it-chrome");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1600,1900", "--user-data-dir=" + profile);
        // The driver is given explicitly, so Selenium Manager never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void shouldShowTheFunnelAndALeadsJourneyWhileThePipelineWorks() throws Exception {
        browser.get(pipeline.url(RunningPipeline.OPS_CONSOLE, "/"));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        // As ./pipeline token ops prints it: the token alone.
        browser.findElement(By.id("signin-token")).sendKeys(pipeline.authorization(Roles.OPS).substring("Bearer ".length()));
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        browser.findElement(By.cssSelector(".windows button[data-window='all']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

        String salesReady = capture("""
                {"email": "olga.ivanova@northwind.example", "formId": "demo-request", "firstName": "Olga",
                 "company": "Northwind Traders", "jobTitle": "Chief Revenue Officer", "companySize": "2000", "country": "DE",
                 "consent": {"marketing": true, "text": "v1"}}
                """);
        capture("""
                {"email": "pat.learner@gmail.com", "formId": "ebook", "jobTitle": "Student", "consent": {"marketing": true}}
                """);
        accept(handoffIdOf(salesReady));

        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-CAPTURED"), "2"));
        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-SQL"), "1"));
        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-HANDED_OFF"), "1"));
        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-ACCEPTED"), "1"));
        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-REJECTED"), "1"));
        wait.until(ExpectedConditions.textToBe(By.id("funnel-count-NURTURED"), "1"));

        browser.findElement(By.id("journey-input")).sendKeys("olga.ivanova@northwind.example");
        browser.findElement(By.id("journey-search")).click();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#timeline > li"), 3));
        List<String> topics = List.of("lead.conversions", "lead.decisions", "lead.handoffs", "lead.handoff-outcomes");
        // The console redraws the timeline as events arrive: read it afresh until it holds every hop (a read of the
        // list just replaced would fail as stale).
        String timeline = new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the journey shows " + topics)
                .until(driver -> {
                    String text = driver.findElement(By.id("timeline")).getText();
                    return topics.stream().allMatch(text::contains) ? text : null;
                });
        for (String topic : topics) {
            assertTrue(timeline.contains(topic), "the journey shows " + topic + ":\n" + timeline);
        }
        wait.until(ExpectedConditions.textToBe(By.id("journey-stage"), "SQL"));

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "ops-console-pipeline.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String capture(String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(pipeline.url("capture-service", "/v1/conversions")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("leadId").asText();
    }

    private static String handoffIdOf(String leadId) {
        try (TopicReader<LeadHandedOff> handoffs = AvroTopicReaders.reader(pipeline.stack(), "lead.handoffs")) {
            return handoffs.await(r -> r.key().equals(leadId), 1, PATIENCE).get(0).value().getHandoffId();
        }
    }

    private static void accept(String handoffId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(pipeline.url("routing-service", "/v1/handoffs/" + handoffId + "/accept")))
                .header("Authorization", pipeline.authorization(Roles.SALES_OPS)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }
}
