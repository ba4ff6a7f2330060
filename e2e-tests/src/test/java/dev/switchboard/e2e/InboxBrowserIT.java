package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.contracts.GoalClient;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The inbox page in Debian's headless chromium against the five services in this JVM: a person
 * signs in, sees an escalation arrive without reloading, edits the action and approves it, and the
 * goal completes with the edit; another is denied with a reason; the pages fit a 400 px screen; an
 * approval is reassigned to another queue, approved there, and its goal completes; a question is
 * handed to an agent, which completes the goal. Screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(120);

  @TempDir static Path workDir;
  @TempDir static Path browserProfile;
  private InJvmStack stack;
  private GoalClient goals;
  private WebDriver browser;
  private WebDriverWait waiting;

  @BeforeAll
  void start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser test needs Debian's chromium and chromium-driver (/usr/bin/chromium,"
            + " /usr/bin/chromedriver): apt-get install -y chromium chromium-driver");
    Files.createDirectories(SCREENSHOTS);
    stack =
        InJvmStack.start(System.getProperty("spring.embedded.kafka.brokers"), "browser-", workDir);
    new StackClient(stack).awaitReady(stack.readinessUrls(), Duration.ofSeconds(180));
    goals =
        new GoalClient(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new TopicNames(stack.topicPrefix()));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + browserProfile,
        "--window-size=1280,900");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
            options);
    waiting = new WebDriverWait(browser, WAIT);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (goals != null) {
      goals.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void shouldShowAnEscalationLiveAndCompleteTheGoalWithTheEditedAction() throws Exception {
    signIn("approver");
    browser.get(stack.handoffUrl() + "/inbox");
    waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1")));
    String goalId = submit("requester", "ACME");

    // No reload: the row comes in over the page's event stream.
    WebElement row = waitForRowOf(goalId);
    screenshot("01-inbox-live");
    row.findElement(By.cssSelector("td.what a")).click();
    waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve-form")));
    assertThat(browser.findElement(By.cssSelector("pre.json")).getText())
        .contains("\"to\" : \"pat.lee@acme.example\"");
    screenshot("02-item");

    browser.findElement(By.cssSelector("#edit summary")).click();
    WebElement arguments = browser.findElement(By.cssSelector("#edit-form textarea"));
    String edited =
        arguments
            .getDomProperty("value")
            .replaceFirst(
                "\"subject\" : \"[^\"]*\"", "\"subject\" : \"New ACME pricing (edited)\"");
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            arguments,
            edited);
    waiting.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#diff .diff-after"), "New ACME pricing (edited)"));
    screenshot("03-edit-diff");
    browser.findElement(By.cssSelector("#edit-form button[type=submit]")).click();

    WebElement notice =
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("Approved with your changes");
    assertThat(notice.getText()).contains("New ACME pricing (edited)");
    screenshot("04-approved-with-edit");

    // The demo's last step, the CRM entry, waits for its own approval: given over the API here.
    StackClient client = new StackClient(stack);
    JsonNode logApproval = client.awaitPendingApproval(goalId, "crm.log_activity");
    assertThat(client.approve(logApproval.path("escalationId").asString(), "ok").statusCode())
        .isEqualTo(202);
    assertThat(goals.awaitOutcome(goalId, OUTCOME_TIMEOUT)).isInstanceOf(GoalCompleted.class);
    assertThat(
            client.ledger(goalId + "/demo/send").path("emails").get(0).path("subject").asString())
        .isEqualTo("New ACME pricing (edited)");
    browser.navigate().refresh();
    waiting.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".item-state"), "Edited by approver"));
  }

  @Test
  @Order(2)
  void shouldDenyWithAReasonAndFailTheGoalWithIt() throws Exception {
    signIn("approver");
    browser.get(stack.handoffUrl() + "/inbox");
    String goalId = submit("requester", "Globex");

    waitForRowOf(goalId).findElement(By.cssSelector("td.what a")).click();
    WebElement reason =
        waiting.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#deny-form textarea[name=reason]")));
    reason.sendKeys("not this quarter");
    browser.findElement(By.cssSelector("#deny-form button[type=submit]")).click();

    WebElement notice =
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(notice.getText()).contains("Denied: not this quarter");
    screenshot("05-denied");
    assertThat(goals.awaitOutcome(goalId, OUTCOME_TIMEOUT))
        .isInstanceOfSatisfying(
            GoalFailed.class, failed -> assertThat(failed.reason()).contains("not this quarter"));
  }

  @Test
  @Order(3)
  void shouldWorkAtNarrowWidths() throws Exception {
    signIn("approver");
    String goalId = submit("requester", "Initech");
    browser.manage().window().setSize(new Dimension(400, 900));
    try {
      browser.get(stack.handoffUrl() + "/inbox");
      waitForRowOf(goalId);
      screenshot("06-inbox-400px");
      waitForRowOf(goalId).findElement(By.cssSelector("td.what a")).click();
      WebElement approve =
          waiting.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#approve-form button[type=submit]")));
      assertThat(approve.isEnabled()).isTrue();
      assertThat(approve.getRect().getWidth()).isLessThanOrEqualTo(400);
      assertThat(browser.findElement(By.cssSelector("main")).getRect().getWidth())
          .isLessThanOrEqualTo(400);
      screenshot("07-item-400px");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  @Order(4)
  void shouldReassignAnApprovalToAnotherQueueWhereItIsApproved() throws Exception {
    signIn("approver");
    StackClient client = new StackClient(stack);

    // To another queue: the approval leaves the approvers' inbox and waits for the managers.
    browser.get(stack.handoffUrl() + "/inbox");
    String toManagers = submit("requester", "Umbrella");
    WebElement row = waitForRowOf(toManagers);
    String sendId = row.getDomAttribute("data-escalation");
    row.findElement(By.cssSelector("td.what a")).click();
    reassignTo("human:managers");
    assertThat(noticeText()).contains("Reassigned to human:managers.");
    screenshot("08-reassigned-to-queue");
    JsonNode moved =
        await()
            .atMost(WAIT)
            .until(
                () -> client.item(sendId),
                item -> "human:managers".equals(item.path("queue").asString()));
    assertThat(moved.path("status").asString()).isEqualTo("PENDING");
    // The operator (admin: every queue) approves it there; the goal goes on and completes.
    assertThat(client.approve(sendId, "ok").statusCode()).isEqualTo(202);
    JsonNode logApproval = client.awaitPendingApproval(toManagers, "crm.log_activity");
    assertThat(client.approve(logApproval.path("escalationId").asString(), "ok").statusCode())
        .isEqualTo(202);
    assertThat(goals.awaitOutcome(toManagers, OUTCOME_TIMEOUT)).isInstanceOf(GoalCompleted.class);
  }

  @Test
  @Order(5)
  void shouldHandAQuestionToAnAgentThatCompletesTheGoal() throws Exception {
    signIn("approver");
    StackClient client = new StackClient(stack);

    // The clerk asks people which account; the person hands the goal to the scout instead, who
    // looks the account up itself and completes the goal.
    browser.get(stack.handoffUrl() + "/inbox");
    String goalId = submit("requester", "clerk", "the new pricing", Map.of("account", "ACME"));
    WebElement row = waitForRowOf(goalId);
    String questionId = row.getDomAttribute("data-escalation");
    row.findElement(By.cssSelector("td.what a")).click();
    reassignTo("agent:scout");
    assertThat(noticeText()).contains("Reassigned to agent:scout.");
    screenshot("09-reassigned-to-agent");

    assertThat(goals.awaitOutcome(goalId, OUTCOME_TIMEOUT))
        .isInstanceOfSatisfying(
            GoalCompleted.class,
            completed ->
                assertThat(completed.summary()).startsWith("Agent 'scout' completed its SOP"));
    JsonNode question = client.item(questionId);
    assertThat(question.path("resolution").asString()).isEqualTo("Reassigned");
    assertThat(question.path("resolvedBy").asString()).isEqualTo("approver");
    JsonNode journal = client.awaitJournal(goalId, "COMPLETED");
    assertThat(
            journal
                .path("holders")
                .valueStream()
                .filter(holder -> "AGENT".equals(holder.path("kind").asString()))
                .map(holder -> holder.path("name").asString()))
        .containsSubsequence("clerk", "scout");
  }

  private void reassignTo(String owner) {
    waiting
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reassign summary")))
        .click();
    WebElement to =
        waiting.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#reassign-form input[name=to]")));
    to.sendKeys(owner);
    browser.findElement(By.cssSelector("#reassign-form button[type=submit]")).click();
  }

  private String noticeText() {
    return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText();
  }

  private void signIn(String user) {
    browser.manage().deleteAllCookies();
    browser.get(stack.handoffUrl() + "/login");
    waiting.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(InJvmStack.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waiting.until(ExpectedConditions.urlContains("/inbox"));
  }

  private String submit(String requester, String account) {
    return submit(
        requester,
        "demo",
        "Tell " + account + " about the new pricing",
        Map.of("account", account));
  }

  private String submit(
      String requester, String agent, String description, Map<String, String> inputs) {
    String goalId = "browser-" + UUID.randomUUID();
    goals.submit(
        new GoalSubmitted(
            goalId,
            UUID.randomUUID(),
            null,
            Instant.now(),
            agent,
            description,
            inputs,
            requester,
            null,
            null));
    return goalId;
  }

  private WebElement waitForRowOf(String goalId) {
    return waiting.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("tr[data-escalation^='" + goalId + "~']")));
  }

  /** The whole page, as tall as it is. */
  private void screenshot(String name) throws IOException {
    Dimension size = browser.manage().window().getSize();
    Number height =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
    browser
        .manage()
        .window()
        .setSize(new Dimension(size.width, Math.min(Math.max(height.intValue() + 140, 600), 3000)));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    browser.manage().window().setSize(size);
  }
}
