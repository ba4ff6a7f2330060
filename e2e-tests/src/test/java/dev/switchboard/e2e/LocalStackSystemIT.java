package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.contracts.GoalClient;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack a user starts: {@code bin/switchboard up} runs a real Kafka broker process and the five
 * services as separate JVMs (on ports apart from the defaults, so a developer's own stack may keep
 * running); the scenarios then run against it, plus a goal sent with kcat and the demo command.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackSystemIT implements StackUnderTest {
  /** Apart from the defaults; {@code -Dswitchboard.it.kafka-port=…} moves them (parallel runs). */
  private static final int KAFKA_PORT = Integer.getInteger("switchboard.it.kafka-port", 19092);

  private static final int PORT_BASE = Integer.getInteger("switchboard.it.port-base", 18080);

  @TempDir static Path home;
  Path root;
  DemoScenarios scenarios;

  @BeforeAll
  void startStack() throws Exception {
    root = Path.of(System.getProperty("switchboard.root", "..")).toAbsolutePath().normalize();
    Result up = switchboard(Duration.ofMinutes(4), "up");
    assertThat(up.exitCode()).as("bin/switchboard up:%n%s", up.output()).isZero();
    scenarios = new DemoScenarios(this);
  }

  @AfterAll
  void stopStack() throws Exception {
    if (scenarios != null) {
      scenarios.close();
    }
    Result down = switchboard(Duration.ofMinutes(1), "down");
    assertThat(down.exitCode()).as("bin/switchboard down:%n%s", down.output()).isZero();
  }

  @Test
  void shouldCompleteAGoalSubmittedWithGoalClientAfterApproval() throws Exception {
    scenarios.approvedGoalCompletes();
  }

  @Test
  void shouldFailADeniedGoal() throws Exception {
    scenarios.deniedGoalFails();
  }

  @Test
  void shouldCompleteARawJsonGoalPastBadRecords() throws Exception {
    scenarios.rawJsonGoalCompletesPastBadRecords();
  }

  @Test
  void shouldCompleteAGoalProducedWithKcat() throws Exception {
    assumeTrue(onPath("kcat"), "kcat is not installed (.ci/run installs it)");
    String goalId = "kcat-" + UUID.randomUUID();
    String line =
        goalId
            + "|{\"type\":\"GoalSubmitted\",\"goalId\":\""
            + goalId
            + "\",\"agent\":\"demo\",\"description\":\"Tell Initech about the new pricing\","
            + "\"inputs\":{\"account\":\"Initech\"}}";
    Process kcat =
        new ProcessBuilder("kcat", "-P", "-b", bootstrapServers(), "-t", "goals", "-K", "|")
            .redirectErrorStream(true)
            .start();
    kcat.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    kcat.getOutputStream().close();
    assertThat(kcat.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kcat.exitValue()).as(new String(kcat.getInputStream().readAllBytes())).isZero();

    scenarios.approveBoth(goalId);
    try (GoalClient goals =
        new GoalClient(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
            new TopicNames(""))) {
      assertThat(goals.awaitOutcome(goalId, Duration.ofSeconds(90)))
          .isInstanceOf(GoalCompleted.class);
    }
  }

  @Test
  void shouldRunTheDemoWithoutATerminal() throws Exception {
    Result demo = switchboard(Duration.ofMinutes(3), "demo", "--yes");

    assertThat(demo.exitCode()).as("bin/switchboard demo --yes:%n%s", demo.output()).isZero();
    assertThat(demo.output())
        .containsIgnoringCase("approv")
        .containsIgnoringCase("completed")
        .contains("email.send")
        .contains("crm.log_activity");
    // The example MCP server's data file in SWITCHBOARD_HOME holds the email the demo sent.
    assertThat(Files.readString(home.resolve("sales-tools/sales-book.json")))
        .contains("pat.lee@acme.example");
  }

  private Result switchboard(Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(List.of(root.resolve("bin/switchboard").toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(home, "switchboard-", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("SWITCHBOARD_HOME", home.toString());
    builder.environment().put("SWITCHBOARD_KAFKA_PORT", Integer.toString(KAFKA_PORT));
    builder.environment().put("SWITCHBOARD_PORT_BASE", Integer.toString(PORT_BASE));
    // The jars were just built by this Maven run; the script must not start another build.
    builder.environment().put("SWITCHBOARD_SKIP_BUILD", "1");
    Process process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, "timed out after " + timeout + ":\n" + Files.readString(output));
    }
    return new Result(process.exitValue(), Files.readString(output));
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  record Result(int exitCode, String output) {}

  @Override
  public String bootstrapServers() {
    return "localhost:" + KAFKA_PORT;
  }

  @Override
  public String topicPrefix() {
    return "";
  }

  @Override
  public String handoffUrl() {
    return "http://localhost:" + (PORT_BASE + 4);
  }

  @Override
  public String traceUrl() {
    return "http://localhost:" + (PORT_BASE + 5);
  }

  @Override
  public String salesToolsUrl() {
    return "http://localhost:" + (PORT_BASE + 6);
  }

  @Override
  public String operatorToken() {
    try {
      return Files.readString(home.resolve("secrets/operator-token")).trim();
    } catch (IOException e) {
      throw new IllegalStateException("bin/switchboard up wrote no operator token", e);
    }
  }
}
