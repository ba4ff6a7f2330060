package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.contracts.GoalClient;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stack a user starts ({@link LocalStack}): the scenarios run against it, plus a goal sent with
 * kcat and the demo command.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackSystemIT {
  LocalStack stack;
  DemoScenarios scenarios;

  @BeforeAll
  void connect(LocalStack stack) {
    this.stack = stack;
    scenarios = new DemoScenarios(stack);
  }

  @AfterAll
  void disconnect() {
    if (scenarios != null) {
      scenarios.close();
    }
  }

  @Test
  void shouldCompleteAGoalSubmittedWithGoalClientAfterApproval() throws Exception {
    scenarios.approvedGoalCompletes();
  }

  @Test
  void shouldCompleteTheSalesGoalHandedBetweenAgents() throws Exception {
    scenarios.salesGoalHandedBetweenAgentsCompletes();
  }

  @Test
  void shouldCompleteAGoalAPersonReassignedToAnAgent() throws Exception {
    scenarios.handoffReassignedByAPersonToAnAgentCompletes();
  }

  @Test
  void shouldFailADeniedGoal() throws Exception {
    scenarios.deniedGoalFails();
  }

  @Test
  void shouldCloseTheApprovalOfACancelledGoal() throws Exception {
    scenarios.cancelledGoalClosesItsApproval();
  }

  @Test
  void shouldCompleteARawJsonGoalPastBadRecords() throws Exception {
    scenarios.rawJsonGoalCompletesPastBadRecords();
  }

  /** Also: the goal continues the trace of the {@code traceparent} it was produced with. */
  @Test
  void shouldCompleteAGoalProducedWithKcat() throws Exception {
    assumeTrue(onPath("kcat"), "kcat is not installed (.ci/run installs it)");
    String goalId = "kcat-" + UUID.randomUUID();
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String line =
        goalId
            + "|{\"type\":\"GoalSubmitted\",\"goalId\":\""
            + goalId
            + "\",\"agent\":\"demo\",\"description\":\"Tell Initech about the new pricing\","
            + "\"inputs\":{\"account\":\"Initech\"}}";
    Process kcat =
        new ProcessBuilder(
                "kcat",
                "-P",
                "-b",
                stack.bootstrapServers(),
                "-t",
                "goals",
                "-K",
                "|",
                "-H",
                "traceparent=00-" + traceId + "-b7ad6b7169203331-01")
            .redirectErrorStream(true)
            .start();
    kcat.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    kcat.getOutputStream().close();
    assertThat(kcat.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kcat.exitValue()).as(new String(kcat.getInputStream().readAllBytes())).isZero();

    scenarios.approveBoth(goalId);
    try (GoalClient goals =
        new GoalClient(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new TopicNames(""))) {
      assertThat(goals.awaitOutcome(goalId, Duration.ofSeconds(90)))
          .isInstanceOf(GoalCompleted.class);
    }
    assertThat(scenarios.client().awaitJournal(goalId, "COMPLETED").path("traceId").asString())
        .isEqualTo(traceId);
  }

  /** The console and journals need a sign-in: the operator token, or the inbox's people. */
  @Test
  void shouldKeepTheTraceBehindItsSignIn() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String password = Files.readString(stack.home().resolve("secrets/users/approver")).strip();
    String basic =
        Base64.getEncoder()
            .encodeToString(("approver:" + password).getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.traceUrl() + "/api/goals")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> operator =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.traceUrl() + "/api/goals"))
                .header("Authorization", "Bearer " + stack.operatorToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> person =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.traceUrl() + "/api/session"))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    LocalStack.Result status = stack.switchboard(Duration.ofMinutes(1), "up");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(operator.statusCode()).isEqualTo(200);
    assertThat(person.statusCode()).as(person.body()).isEqualTo(200);
    assertThat(person.body()).contains("\"roles\":[\"viewer\"]");
    assertThat(status.output()).contains("sign in as approver or requester (same passwords)");
  }

  @Test
  void shouldRunTheDemoWithoutATerminal() throws Exception {
    LocalStack.Result demo = stack.switchboard(Duration.ofMinutes(3), "demo", "--yes");

    assertThat(demo.exitCode()).as("bin/switchboard demo --yes:%n%s", demo.output()).isZero();
    assertThat(demo.output())
        .containsIgnoringCase("approv")
        .containsIgnoringCase("completed")
        .contains("-- handoff: sdr -> researcher")
        .contains("-- handoff: researcher -> sdr")
        .contains("-- handoff: sdr -> writer")
        .contains("-- writer holds the goal")
        .contains("-- handoff: writer -> sdr")
        .contains("email.send")
        .contains("crm.log_activity")
        .contains("calendar.schedule_followup");
    // The example MCP server's data file in SWITCHBOARD_HOME holds the email the demo sent.
    assertThat(Files.readString(stack.home().resolve("sales-tools/sales-book.json")))
        .contains("pat.lee@acme.example");
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
