package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.testing.TopicProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in Debian's headless chromium against a real trace-service on the embedded broker:
 * goals sent to the topics appear in the open list without a reload, and the goal page shows who
 * approved. Screenshots, wide and 400 px, go to {@code target/screenshots/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "switchboard.kafka.topic-prefix=" + ConsoleBrowserIT.PREFIX,
      "switchboard.trace.jaeger-url=" + ConsoleBrowserIT.JAEGER,
      "switchboard.trace.inbox-url=" + ConsoleBrowserIT.INBOX,
      "switchboard.trace.stream-heartbeat=1s",
      "switchboard.trace.users[0].name=" + ConsoleBrowserIT.USER,
      "switchboard.trace.users[0].password-hash=" + ConsoleBrowserIT.PASSWORD_HASH,
      "switchboard.trace.users[0].roles=viewer"
    })
class ConsoleBrowserIT {
  static final String PREFIX = "console-";
  static final String JAEGER = "http://jaeger.example:16686";
  static final String INBOX = "http://inbox.example:8084";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int NARROW = 400;
  static final String USER = "viewer";
  private static final String PASSWORD = "console-browser-password";
  // bcrypt of PASSWORD (a constant: annotation values cannot be computed).
  static final String PASSWORD_HASH =
      "$2a$10$zo9vSJLX7sQdi3AgpynsGeITpr3lisiKoIpK2j6R/dYrxgfh/0eUi";
  private static boolean signedIn;

  private static ChromeDriver browser;
  private static Path profile;

  @LocalServerPort private int port;

  @Value("${spring.embedded.kafka.brokers}")
  private String brokers;

  @BeforeAll
  static void startBrowser() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the console's browser test needs Debian's chromium and chromedriver at "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + ": apt-get install -y chromium chromium-driver");
    profile = Files.createTempDirectory("console-browser-profile");
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toString())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,1000");
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(driver, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** The service answers pages once its goal stream runs; before that they say 503. */
  @BeforeEach
  void awaitReadinessInAWideWindow() {
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                http.send(
                        HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode(),
            status -> status == 200);
    browser.manage().window().setSize(new Dimension(1280, 1000));
    if (!signedIn) {
      signIn();
      signedIn = true;
    }
  }

  /** The console sends a stranger to its sign-in page and, once signed in, back to the goals. */
  private void signIn() {
    browser.get(url("/goals"));
    new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.name("username")).sendKeys(USER);
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
    new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.urlContains("/goals"));
    assertThat(browser.findElements(By.cssSelector(".login-form"))).isEmpty();
  }

  @Test
  void shouldShowASubmittedGoalInTheOpenListWithoutAReload() throws IOException {
    DemoGoal earlier = DemoGoal.startingAt(Instant.now().minusSeconds(95));
    try (TopicProbe probe = probe()) {
      send(probe, Topics.GOALS, earlier.submitted(0));
      send(probe, Topics.PLAN, earlier.lookupProposed(2));
      send(probe, Topics.VERDICT, earlier.lookupAllowed(3));
      send(probe, Topics.ACTION_RESULT, earlier.lookupSucceeded(5));
      send(probe, Topics.PLAN, earlier.sendProposed(6));
      send(probe, Topics.ESCALATION, earlier.approvalRequested(7));
      browser.get(url("/goals"));
      awaitRow(earlier.goalId);
      ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

      DemoGoal submitted = DemoGoal.startingAt(Instant.now());
      send(probe, Topics.GOALS, submitted.submitted(0));
      awaitRow(submitted.goalId);

      assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded"))
          .as("the row came over the live stream, not a reload")
          .isEqualTo(Boolean.TRUE);
      onTheLivePage(
          () -> {
            assertThat(rowOf(submitted.goalId).getText()).contains("running", "agent demo");
            assertThat(rowOf(earlier.goalId).getText()).contains("waiting on human:approvers");
          });
      screenshot("goals-wide");
      browser.manage().window().setSize(new Dimension(NARROW, 1400));
      assertFitsTheWindow();
      screenshot("goals-400px");
    }
  }

  @Test
  void shouldShowTheApprovalWithWhoApprovedOnTheGoalPage() throws IOException {
    DemoGoal goal = DemoGoal.startingAt(Instant.now().minusSeconds(30));
    try (TopicProbe probe = probe()) {
      send(probe, Topics.GOALS, goal.submitted(0));
      send(probe, Topics.PLAN, goal.lookupProposed(1));
      send(probe, Topics.VERDICT, goal.lookupAllowed(1));
      send(probe, Topics.ACTION_REQUEST, goal.lookupRequested(2));
      send(probe, Topics.ACTION_RESULT, goal.lookupSucceeded(3));
      send(probe, Topics.PLAN, goal.sendProposed(4));
      send(probe, Topics.VERDICT, goal.sendEscalated(5));
      send(probe, Topics.ESCALATION, goal.approvalRequested(5));
      browser.get(url("/goals"));
      awaitRow(goal.goalId);
      // The table is replaced at each change: click the link as it is at that moment.
      new WebDriverWait(browser, TIMEOUT)
          .ignoring(StaleElementReferenceException.class)
          .until(
              page -> {
                page.findElement(By.cssSelector("#goal-" + goal.goalId + " a.goal-id")).click();
                return true;
              });
      new WebDriverWait(browser, TIMEOUT)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector(".approvals"), "waiting"));

      send(probe, Topics.RESOLUTION, goal.approved(21));
      send(probe, Topics.ACTION_REQUEST, goal.sendRequested(22));
      send(probe, Topics.ACTION_RESULT, goal.sendSucceeded(24));
      send(probe, Topics.OUTCOME, goal.completed(25));
      new WebDriverWait(browser, TIMEOUT)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector(".goal-panel .status"), "completed"));

      onTheLivePage(
          () -> {
            WebElement approval = browser.findElement(By.cssSelector(".approvals tbody tr"));
            assertThat(approval.findElement(By.cssSelector(".approver")).getText())
                .isEqualTo("local-operator");
            assertThat(approval.getText()).contains("approved", "demo.send", "16.0 s");
            assertThat(approval.findElement(By.linkText("open item")).getAttribute("href"))
                .startsWith(INBOX + "/inbox/");
            assertThat(browser.findElement(By.cssSelector("a.trace-link")).getAttribute("href"))
                .isEqualTo(JAEGER + "/trace/" + TestJournals.TRACE_ID);
            assertThat(browser.findElement(By.cssSelector(".holdings")).getText())
                .contains("agent demo", "waiting on human:approvers");
            assertThat(browser.getPageSource()).doesNotContain(DemoGoal.SECRET);
          });
      browser.manage().window().setSize(new Dimension(1280, 1500));
      screenshot("goal-wide");
      browser.manage().window().setSize(new Dimension(NARROW, 2400));
      assertFitsTheWindow();
      screenshot("goal-400px");
    }
  }

  private TopicProbe probe() {
    return new TopicProbe(brokers, new TopicNames(PREFIX));
  }

  /** Every record carries the producer's trace context, as the edge will put on every record. */
  private static void send(TopicProbe probe, Topic<?> topic, SwitchboardEvent event) {
    probe.sendRaw(
        probe.names().of(topic),
        event.goalId(),
        probe.codec().encode(event),
        Map.of(SwitchboardHeaders.TRACEPARENT, TestJournals.TRACEPARENT));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private WebElement awaitRow(String goalId) {
    return new WebDriverWait(browser, TIMEOUT)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("goal-" + goalId)));
  }

  private WebElement rowOf(String goalId) {
    return browser.findElement(By.id("goal-" + goalId));
  }

  /** The live parts are replaced at each change and heartbeat: look again if one went stale. */
  private static void onTheLivePage(org.awaitility.core.ThrowingRunnable check) {
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(StaleElementReferenceException.class)
        .untilAsserted(check);
  }

  private void assertFitsTheWindow() {
    Object width =
        ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    Object viewport = ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
    assertThat(((Number) width).intValue())
        .as("no sideways scrolling at %s px", viewport)
        .isLessThanOrEqualTo(((Number) viewport).intValue());
  }

  private static void screenshot(String name) throws IOException {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
