package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.GoalClient;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.edge.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of the executor at each point of a side effect's life, on the real local stack,
 * then {@code bin/switchboard up} to restart it: every goal completes, or its agent hands the
 * outcome-unknown reason to a person, and the example MCP server never sends one email (or logs one
 * activity) twice for an idempotency key. And a slow call holds up no other goal of its partition.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutorCrashSystemIT {
  private static final Logger log = LoggerFactory.getLogger(ExecutorCrashSystemIT.class);

  /** A restart (up to a minute on a busy machine) plus the send's deadline, with room. */
  private static final Duration AFTER_RESTART = Duration.ofMinutes(3);

  LocalStack stack;
  StackClient client;
  GoalClient goals;

  @BeforeAll
  void connect(LocalStack stack) {
    this.stack = stack;
    this.client = new StackClient(stack);
    this.goals =
        new GoalClient(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            TopicNames.unprefixed());
  }

  @AfterEach
  void disarm() throws Exception {
    Files.deleteIfExists(stack.home().resolve("test-halt"));
  }

  @AfterAll
  void noKeyTookEffectTwice() {
    try {
      for (JsonNode key : client.ledger(null).path("idempotencyKeys")) {
        assertThat(key.path("effects").asInt())
            .as("effects of idempotency key %s", key.path("key").asString())
            .isLessThanOrEqualTo(1);
      }
    } finally {
      goals.close();
    }
  }

  /** (a) The intent is read, the executor dies before taking it: it runs once after the restart. */
  @Test
  void shouldSendOnceWhenTheExecutorDiesBeforeStartingTheSend() throws Exception {
    ProcessHandle executor = stack.executor();
    stack.armHalt("before-start", "email.send");
    String goalId = "crash-a-" + UUID.randomUUID();

    approveSendOf(goalId);
    awaitDeath(executor);
    stack.up();

    approveLogOf(goalId, AFTER_RESTART);
    assertThat(goals.awaitOutcome(goalId, AFTER_RESTART)).isInstanceOf(GoalCompleted.class);
    assertSentOnce(goalId);
    assertThat(stack.executorLog()).contains("TEST HALT at BEFORE_START of effect " + send(goalId));
  }

  /** (b) Killed while a slow send runs (it has sent, its answer is on the way). */
  @Test
  void shouldReportAnUnknownOutcomeWhenTheExecutorIsKilledDuringASlowSend() throws Exception {
    String goalId = LocalStack.SLOW_SEND_MARKER + "crash-b-" + UUID.randomUUID();

    approveSendOf(goalId);
    await().atMost(Duration.ofSeconds(60)).until(() -> emailsOf(goalId) == 1);
    ProcessHandle executor = stack.executor();
    executor.destroyForcibly();
    awaitDeath(executor);
    stack.up();

    assertHandedToAPersonAsUnknown(goalId);
    assertSentOnce(goalId);
  }

  /** (c) The send ran, the executor dies before recording its result. */
  @Test
  void shouldReportAnUnknownOutcomeWhenTheExecutorDiesAfterTheSend() throws Exception {
    ProcessHandle executor = stack.executor();
    stack.armHalt("after-call", "email.send");
    String goalId = "crash-c-" + UUID.randomUUID();

    approveSendOf(goalId);
    awaitDeath(executor);
    stack.up();

    assertHandedToAPersonAsUnknown(goalId);
    assertSentOnce(goalId);
    assertThat(stack.executorLog()).contains("TEST HALT at AFTER_CALL of effect " + send(goalId));
  }

  /**
   * One goal's send takes 20 s; meanwhile 50 goals on the same partition of {@code action-request}
   * get their lookups answered — all before the slow send answers.
   */
  @Test
  void shouldNotHoldUpFiftyGoalsOfThePartitionWhileOneSendTakesTwentySeconds() throws Exception {
    String slowGoal = LocalStack.SLOW_SEND_MARKER + "partition-" + UUID.randomUUID();
    approveSendOf(slowGoal);
    await().atMost(Duration.ofSeconds(60)).until(() -> emailsOf(slowGoal) == 1);
    Instant slowSendStarted = Instant.now();
    List<String> others = goalIdsOnPartitionOf(slowGoal, 50);

    others.forEach(goalId -> goals.submit(goal(goalId)));

    try (TopicProbe probe = new TopicProbe(stack.bootstrapServers(), TopicNames.unprefixed())) {
      Set<String> lookedUp =
          await()
              .atMost(LocalStack.SLOW_SEND.multipliedBy(3))
              .pollInterval(Duration.ofMillis(250))
              .until(() -> lookupsDone(probe, others), done -> done.size() == others.size());
      Duration othersTook = Duration.between(slowSendStarted, Instant.now());
      assertThat(results(probe, slowGoal))
          .as("the slow send is still running when all %d lookups are done", others.size())
          .noneMatch(result -> result.tool().equals("email.send"));
      assertThat(lookedUp).hasSize(50);
      approveLogOf(slowGoal, Duration.ofSeconds(90));
      OutcomeEvent slow = goals.awaitOutcome(slowGoal, Duration.ofSeconds(90));
      log.info(
          "50 lookups on the slow send's partition took {} ms; the slow goal ended {} ms after its"
              + " send began",
          othersTook.toMillis(),
          Duration.between(slowSendStarted, Instant.now()).toMillis());
      assertThat(slow).isInstanceOf(GoalCompleted.class);
    }
  }

  private void approveSendOf(String goalId) {
    goals.submit(goal(goalId));
    JsonNode approval = client.awaitPendingApproval(goalId, "email.send");
    assertThat(client.approve(approval.path("escalationId").asString(), "ok").statusCode())
        .isEqualTo(202);
  }

  /** After the send, the CRM entry waits for its own approval. */
  private void approveLogOf(String goalId, Duration within) {
    JsonNode approval =
        await()
            .atMost(within)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> client.pendingFor(goalId, "crm.log_activity"), item -> item != null);
    assertThat(client.approve(approval.path("escalationId").asString(), "ok").statusCode())
        .isEqualTo(202);
  }

  private static String send(String goalId) {
    return goalId + "/demo/send";
  }

  /** The emails the example server sent with the send's action id as idempotency key. */
  private int emailsOf(String goalId) {
    return client.ledger(send(goalId)).path("emails").size();
  }

  /** One email, and the server saw it take effect once however often it was asked. */
  private void assertSentOnce(String goalId) {
    JsonNode ledger = client.ledger(send(goalId));
    assertThat(ledger.path("emails")).hasSize(1);
    assertThat(ledger.path("idempotencyKeys").get(0).path("effects").asInt()).isEqualTo(1);
  }

  /** The planner asks a person whether the send happened, naming the edge's reason. */
  private void assertHandedToAPersonAsUnknown(String goalId) {
    JsonNode question =
        await()
            .atMost(AFTER_RESTART)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> client.pendingFor(goalId), item -> item != null);
    assertThat(question.path("type").asString()).isEqualTo("QuestionAsked");
    assertThat(question.path("reason").asString())
        .contains("(email.send) of agent 'demo' may or may not have happened")
        .contains("no result by its deadline")
        .contains("Did it happen?");
  }

  private static void awaitDeath(ProcessHandle executor) throws Exception {
    executor.onExit().get(2, TimeUnit.MINUTES);
  }

  private static GoalSubmitted goal(String goalId) {
    return new GoalSubmitted(
        goalId,
        UUID.randomUUID(),
        null,
        Instant.now(),
        "demo",
        "Tell ACME about the new pricing",
        Map.of("account", "ACME"));
  }

  private static Set<String> lookupsDone(TopicProbe probe, List<String> goalIds) {
    Set<String> done = new HashSet<>();
    for (ConsumerRecord<String, byte[]> record : probe.readAll("action-result")) {
      if (goalIds.contains(record.key())
          && new String(record.value(), StandardCharsets.UTF_8).contains("ActionSucceeded")) {
        done.add(record.key());
      }
    }
    return done;
  }

  private static List<ActionResultEvent> results(TopicProbe probe, String goalId) {
    return probe.events(Topics.ACTION_RESULT, goalId).stream()
        .filter(ActionSucceeded.class::isInstance)
        .toList();
  }

  /** Goal ids whose records share a partition (Kafka's default partitioner, 3 partitions). */
  private static List<String> goalIdsOnPartitionOf(String goalId, int count) {
    int partition = partitionOf(goalId);
    return Stream.generate(() -> "partition-mate-" + UUID.randomUUID())
        .filter(id -> partitionOf(id) == partition)
        .limit(count)
        .toList();
  }

  private static int partitionOf(String goalId) {
    return Utils.toPositive(Utils.murmur2(goalId.getBytes(StandardCharsets.UTF_8))) % 3;
  }
}
