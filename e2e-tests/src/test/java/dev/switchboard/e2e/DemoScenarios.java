package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.GoalClient;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.edge.testing.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton's promises, checked against any running stack: the same scenarios run on the
 * in-JVM broker, a Testcontainers broker and the real local stack.
 */
final class DemoScenarios implements AutoCloseable {
  private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(90);

  private final StackUnderTest stack;
  private final StackClient client;
  private final GoalClient goals;

  DemoScenarios(StackUnderTest stack) {
    this.stack = stack;
    this.client = new StackClient(stack);
    this.goals =
        new GoalClient(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new TopicNames(stack.topicPrefix()));
  }

  StackClient client() {
    return client;
  }

  /** A goal completes after a person approves the outbound message through the REST API. */
  void approvedGoalCompletes() throws Exception {
    String goalId =
        goals.submit("demo", "Tell ACME about the new pricing", Map.of("account", "ACME"));

    JsonNode approval = client.awaitPendingApproval(goalId);
    assertThat(approval.path("action").path("tool").asString()).isEqualTo("demo.send");
    String escalationId = approval.path("escalationId").asString();
    assertThat(client.approveWithoutToken(escalationId).statusCode()).isEqualTo(401);
    HttpResponse<String> approved = client.approve(escalationId, "looks good");
    assertThat(approved.statusCode()).isEqualTo(202);

    OutcomeEvent outcome = goals.awaitOutcome(goalId, OUTCOME_TIMEOUT);
    assertThat(outcome).isInstanceOf(GoalCompleted.class);
    JsonNode journal = client.awaitJournal(goalId, "COMPLETED");
    List<String> types = types(journal);
    assertThat(types)
        .containsSubsequence(
            "GoalSubmitted",
            "StepsProposed",
            "ActionRequested",
            "ActionSucceeded",
            "StepsProposed",
            "ApprovalRequested",
            "Approved",
            "ActionRequested",
            "ActionSucceeded",
            "GoalCompleted");
    assertThat(client.approve(escalationId, "again").statusCode()).isEqualTo(409);
  }

  /**
   * Two agent handoffs and one approval: the courier hands the lookup to the scout and the writing
   * to the herald, each hands the goal back with everything it found, a person approves the send.
   */
  void handedOffGoalCompletes() throws Exception {
    String goalId =
        goals.submit("courier", "Tell ACME about the new pricing", Map.of("account", "ACME"));

    JsonNode approval = client.awaitPendingApproval(goalId);
    assertThat(approval.path("action").path("tool").asString()).isEqualTo("demo.send");
    assertThat(approval.path("agent").asString()).isEqualTo("herald");
    assertThat(approval.path("action").path("arguments").path("to").asString())
        .isEqualTo("pat.lee@acme.example");
    assertThat(client.approve(approval.path("escalationId").asString(), "fine").statusCode())
        .isEqualTo(202);

    OutcomeEvent outcome = goals.awaitOutcome(goalId, OUTCOME_TIMEOUT);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            GoalCompleted.class,
            completed -> {
              assertThat(completed.summary()).startsWith("Agent 'courier' completed its SOP");
              assertThat(completed.results().properties()).hasSize(2);
            });
    assertThat(types(client.awaitJournal(goalId, "COMPLETED")))
        .containsSubsequence(
            "GoalSubmitted",
            "HandoffProposed",
            "HandoffRequested",
            "Reassigned",
            "StepsProposed",
            "ActionSucceeded",
            "HandoffProposed",
            "Reassigned",
            "HandoffProposed",
            "Reassigned",
            "StepsProposed",
            "ApprovalRequested",
            "Approved",
            "ActionSucceeded",
            "HandoffProposed",
            "Reassigned",
            "GoalCompleted");
  }

  /** A denied approval ends the goal as failed, with the person's reason. */
  void deniedGoalFails() throws Exception {
    String goalId =
        goals.submit("demo", "Tell Globex about the new pricing", Map.of("account", "Globex"));

    JsonNode approval = client.awaitPendingApproval(goalId);
    HttpResponse<String> denied =
        client.deny(approval.path("escalationId").asString(), "not this quarter");
    assertThat(denied.statusCode()).isEqualTo(202);

    OutcomeEvent outcome = goals.awaitOutcome(goalId, OUTCOME_TIMEOUT);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            GoalFailed.class, failed -> assertThat(failed.reason()).contains("not this quarter"));
    assertThat(types(client.awaitJournal(goalId, "FAILED")))
        .contains("Denied", "ActionDenied", "GoalFailed");
  }

  /**
   * What a producer in another language sends (the README's kcat example) completes too, and
   * records that are not goals go to the dead-letter topic without stopping anything.
   */
  void rawJsonGoalCompletesPastBadRecords() throws Exception {
    String goalId = "raw-" + UUID.randomUUID();
    try (TopicProbe probe =
        new TopicProbe(stack.bootstrapServers(), new TopicNames(stack.topicPrefix()))) {
      String goalsTopic = probe.names().of(Topics.GOALS);
      probe.sendRaw(goalsTopic, goalId, "{this is not json");
      probe.sendRaw(
          goalsTopic, goalId, "{\"type\":\"GoalTeleported\",\"goalId\":\"" + goalId + "\"}");
      probe.sendRaw(
          goalsTopic,
          goalId,
          "{\"type\":\"GoalSubmitted\",\"goalId\":\""
              + goalId
              + "\",\"agent\":\"demo\","
              + "\"description\":\"Tell Initech about the new pricing\",\"inputs\":{\"account\":\"Initech\"}}");

      JsonNode approval = client.awaitPendingApproval(goalId);
      assertThat(client.approve(approval.path("escalationId").asString(), "ok").statusCode())
          .isEqualTo(202);
      assertThat(goals.awaitOutcome(goalId, OUTCOME_TIMEOUT)).isInstanceOf(GoalCompleted.class);

      List<String> reasons =
          probe.readAll(probe.names().deadLetterOf(Topics.GOALS)).stream()
              .filter(record -> goalId.equals(record.key()))
              // Every consumer of goals parks its own copy; the planner's is the one that matters.
              .filter(
                  record ->
                      (stack.topicPrefix() + "switchboard-planner")
                          .equals(TopicProbe.header(record, SwitchboardHeaders.DLQ_CONSUMER)))
              .map(TopicProbe::deadLetterReason)
              .toList();
      assertThat(reasons).hasSize(2);
      assertThat(reasons.get(0)).contains("not valid JSON");
      assertThat(reasons.get(1)).contains("unknown type 'GoalTeleported'");
    }
  }

  private static List<String> types(JsonNode journal) {
    return journal
        .path("events")
        .valueStream()
        .map(event -> event.path("type").asString())
        .toList();
  }

  @Override
  public void close() {
    goals.close();
  }
}
