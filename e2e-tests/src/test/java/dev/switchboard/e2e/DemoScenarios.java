package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.GoalClient;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.HandoffContext;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCancelled;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
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

  /**
   * A goal completes on the example MCP server after a person approves the outbound email and the
   * CRM entry through the REST API; the server sent one email and logged one activity.
   */
  void approvedGoalCompletes() throws Exception {
    String goalId =
        goals.submit("demo", "Tell ACME about the new pricing", Map.of("account", "ACME"));

    JsonNode approval = client.awaitPendingApproval(goalId, "email.send");
    JsonNode email = approval.path("action").path("arguments");
    assertThat(email.path("to").asString()).isEqualTo("pat.lee@acme.example");
    assertThat(email.path("body").asString()).startsWith("Hello Pat Lee,");
    String escalationId = approval.path("escalationId").asString();
    assertThat(client.approveWithoutToken(escalationId).statusCode()).isEqualTo(401);
    HttpResponse<String> approved = client.approve(escalationId, "looks good");
    assertThat(approved.statusCode()).isEqualTo(202);
    JsonNode logApproval = client.awaitPendingApproval(goalId, "crm.log_activity");
    assertThat(logApproval.path("action").path("arguments").path("account_id").asString())
        .isEqualTo("acct-acme");
    assertThat(client.approve(logApproval.path("escalationId").asString(), "ok").statusCode())
        .isEqualTo(202);

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
            "ActionSucceeded",
            "StepsProposed",
            "ActionSucceeded",
            "StepsProposed",
            "ApprovalRequested",
            "Approved",
            "ActionRequested",
            "ActionSucceeded",
            "StepsProposed",
            "ApprovalRequested",
            "Approved",
            "ActionRequested",
            "ActionSucceeded",
            "GoalCompleted");
    // The same decision again is the first answer again; a different one is a conflict.
    assertThat(client.approve(escalationId, "again").statusCode()).isEqualTo(202);
    HttpResponse<String> conflict = client.deny(escalationId, "too late");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("local-operator");
    assertDoneOnce(goalId + "/demo/send", "email.send", "emails");
    assertDoneOnce(goalId + "/demo/log", "crm.log_activity", "activities");
    assertThat(client.ledger(goalId + "/demo/send").path("emails").get(0).path("to").asString())
        .isEqualTo("pat.lee@acme.example");
  }

  /** The example server acted exactly once for this action id, asked exactly once. */
  void assertDoneOnce(String actionId, String tool, String records) {
    JsonNode ledger = client.ledger(actionId);
    assertThat(ledger.path(records)).as("%s of %s", records, actionId).hasSize(1);
    JsonNode key = ledger.path("idempotencyKeys").get(0);
    assertThat(key.path("tool").asString()).isEqualTo(tool);
    assertThat(key.path("calls").asInt()).as("calls with key %s", actionId).isEqualTo(1);
    assertThat(key.path("effects").asInt()).as("effects of key %s", actionId).isEqualTo(1);
  }

  /**
   * Two agent handoffs and one approval: the courier hands the lookup to the scout and the writing
   * to the herald, each hands the goal back with everything it found, a person approves the send.
   */
  void handedOffGoalCompletes() throws Exception {
    String goalId =
        goals.submit("courier", "Tell ACME about the new pricing", Map.of("account", "ACME"));

    JsonNode approval = client.awaitPendingApproval(goalId, "demo.send");
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

  /**
   * The sales case of examples/sales/agents on the example MCP server: the sdr qualifies the lead,
   * hands the research to the researcher and the drafting to the writer (each hands the goal back
   * with the whole typed context), then sends (a person approves) and logs and schedules the
   * follow-up (a person approves both). The goal journal shows who held the goal at each moment.
   */
  void salesGoalHandedBetweenAgentsCompletes() throws Exception {
    String goalId =
        goals.submit("sdr", "Tell ACME about the new pricing", Map.of("account", "ACME"));

    JsonNode approval = client.awaitPendingApproval(goalId, "email.send");
    assertThat(approval.path("agent").asString()).isEqualTo("sdr");
    JsonNode email = approval.path("action").path("arguments");
    assertThat(email.path("to").asString()).isEqualTo("pat.lee@acme.example");
    assertThat(email.path("body").asString()).startsWith("Hello Pat Lee,");
    assertThat(client.approve(approval.path("escalationId").asString(), "send it").statusCode())
        .isEqualTo(202);
    for (String tool : List.of("crm.log_activity", "calendar.schedule_followup")) {
      JsonNode after = client.awaitPendingApproval(goalId, tool);
      assertThat(client.approve(after.path("escalationId").asString(), "ok").statusCode())
          .as("approving %s", tool)
          .isEqualTo(202);
    }

    OutcomeEvent outcome = goals.awaitOutcome(goalId, OUTCOME_TIMEOUT);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            GoalCompleted.class,
            completed ->
                assertThat(completed.summary()).startsWith("Agent 'sdr' completed its SOP"));
    assertDoneOnce(goalId + "/sdr/send", "email.send", "emails");
    assertDoneOnce(goalId + "/sdr/log", "crm.log_activity", "activities");
    assertDoneOnce(goalId + "/sdr/follow-up", "calendar.schedule_followup", "followups");

    JsonNode journal = client.awaitJournal(goalId, "COMPLETED");
    // Each handoff in order: the proposal, the guardrail's request, the new holder; then the
    // planner goes on as the agent the goal was handed to.
    assertThat(handoffs(journal))
        .containsExactly(
            "sdr -> agent:researcher",
            "researcher -> agent:sdr",
            "sdr -> agent:writer",
            "writer -> agent:sdr");
    assertThat(entries(journal))
        .containsSubsequence(
            "GoalSubmitted sdr",
            "StepsProposed sdr",
            "ActionSucceeded",
            "HandoffProposed sdr",
            "HandoffRequested sdr",
            "Reassigned",
            "StepsProposed researcher",
            "HandoffProposed researcher",
            "HandoffRequested researcher",
            "Reassigned",
            "HandoffProposed sdr",
            "HandoffRequested sdr",
            "Reassigned",
            "StepsProposed writer",
            "ActionSucceeded",
            "HandoffProposed writer",
            "HandoffRequested writer",
            "Reassigned",
            "StepsProposed sdr",
            "ApprovalRequested sdr",
            "Approved",
            "ActionSucceeded",
            "StepsProposed sdr",
            "GoalCompleted");
    assertThat(agentHolders(journal)).containsExactly("sdr", "researcher", "sdr", "writer", "sdr");
    assertThat(journal.path("holders").valueStream().map(h -> h.path("name").asString()))
        .contains("human:approvers");

    // Every handoff carried the goal's whole context, typed: the writer got what the researcher
    // found, and the sdr got the writer's draft back.
    try (TopicProbe probe =
        new TopicProbe(stack.bootstrapServers(), new TopicNames(stack.topicPrefix()))) {
      List<HandoffProposed> proposed =
          probe.events(Topics.PLAN, goalId).stream()
              .filter(HandoffProposed.class::isInstance)
              .map(HandoffProposed.class::cast)
              .toList();
      assertThat(proposed).hasSize(4);
      HandoffContext toWriter = proposed.get(2).context();
      assertThat(toWriter.goal()).isEqualTo("Tell ACME about the new pricing");
      assertThat(toWriter.facts().get("contact_email").asString())
          .isEqualTo("pat.lee@acme.example");
      assertThat(toWriter.facts()).containsKeys("account_id", "account_industry", "inputs.account");
      assertThat(toWriter.results())
          .containsKeys(
              goalId + "/sdr/qualify",
              goalId + "/researcher/account",
              goalId + "/researcher/contact");
      assertThat(toWriter.history()).isNotEmpty();
      HandoffContext back = proposed.get(3).context();
      assertThat(back.facts()).containsKeys("draft_subject", "draft_body");
      assertThat(back.results()).containsKey(goalId + "/writer/draft");
    }
  }

  /** Each agent-to-agent handoff the guardrail relayed: {@code from -> target}, in order. */
  private static List<String> handoffs(JsonNode journal) {
    return journal
        .path("events")
        .valueStream()
        .filter(event -> "HandoffRequested".equals(event.path("type").asString()))
        .map(event -> event.path("agent").asString() + " -> " + event.path("target").asString())
        .toList();
  }

  /** Each journal entry as its type and, where it names one, its agent. */
  private static List<String> entries(JsonNode journal) {
    return journal
        .path("events")
        .valueStream()
        .map(
            event ->
                (event.path("type").asString() + " " + event.path("agent").asString("")).strip())
        .toList();
  }

  /** The agents that held the goal, in turn (waits for people in between left out). */
  private static List<String> agentHolders(JsonNode journal) {
    List<String> agents = new java.util.ArrayList<>();
    journal
        .path("holders")
        .valueStream()
        .filter(holder -> "AGENT".equals(holder.path("kind").asString()))
        .map(holder -> holder.path("name").asString())
        .forEach(
            name -> {
              if (agents.isEmpty() || !agents.getLast().equals(name)) {
                agents.add(name);
              }
            });
    return agents;
  }

  /**
   * People in the loop through the inbox API: a person answers the clerk's question (the answer is
   * the fact the next step needs), and takes over the call the clerk hands to people, recording how
   * it went; the goal completes with that.
   */
  void questionAnsweredAndStepTakenOverByPeople() throws Exception {
    String goalId = goals.submit("clerk", "the new pricing", Map.of());

    JsonNode question = client.awaitPending(goalId, "QuestionAsked");
    assertThat(question.path("reason").asString())
        .isEqualTo("Which account is this about: the new pricing?");
    String questionId = question.path("escalationId").asString();
    assertThat(client.answer(questionId, "ACME").statusCode()).isEqualTo(202);

    JsonNode handoff = client.awaitPending(goalId, "HandoffRequested");
    assertThat(handoff.path("reason").asString())
        .isEqualTo("call ACME (acct-acme) about: the new pricing");
    String handoffId = handoff.path("escalationId").asString();
    assertThat(client.takeOver(handoffId, "called Pat, she will sign on Friday").statusCode())
        .isEqualTo(202);

    OutcomeEvent outcome = goals.awaitOutcome(goalId, OUTCOME_TIMEOUT);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            GoalCompleted.class,
            completed ->
                assertThat(completed.summary())
                    .contains("local-operator", "took the goal over", "sign on Friday"));
    JsonNode answered = client.item(questionId);
    assertThat(answered.path("resolution").asString()).isEqualTo("Answered");
    assertThat(answered.path("resolvedBy").asString()).isEqualTo("local-operator");
    assertThat(answered.path("history").get(1).path("audit").path("authenticatedBy").asString())
        .isEqualTo("service-token");
    assertThat(client.item(handoffId).path("resolution").asString()).isEqualTo("TakenOver");
    assertThat(types(client.awaitJournal(goalId, "COMPLETED")))
        .containsSubsequence(
            "GoalSubmitted",
            "QuestionProposed",
            "QuestionAsked",
            "Answered",
            "StepsProposed",
            "ActionSucceeded",
            "HandoffProposed",
            "HandoffRequested",
            "TakenOver",
            "GoalCompleted");
  }

  /**
   * A person hands a goal that waits for people to an agent, through the inbox API: the sdr hands
   * Umbrella's lead to the account managers (Umbrella is a customer already); one of them reassigns
   * it to the researcher, who takes the goal with what the sdr found, looks the account and its
   * contact up and completes it. Nothing is sent; the journal shows who moved the goal to whom.
   */
  void handoffReassignedByAPersonToAnAgentCompletes() throws Exception {
    String goalId =
        goals.submit("sdr", "Tell Umbrella about the new pricing", Map.of("account", "Umbrella"));

    JsonNode handoff = client.awaitPending(goalId, "HandoffRequested");
    assertThat(handoff.path("queue").asString()).isEqualTo("human:account-managers");
    assertThat(handoff.path("reason").asString()).startsWith("Umbrella is a customer already");
    String escalationId = handoff.path("escalationId").asString();
    HttpResponse<String> reassigned = client.reassign(escalationId, "agent:researcher");
    assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(202);

    OutcomeEvent outcome = goals.awaitOutcome(goalId, OUTCOME_TIMEOUT);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            GoalCompleted.class,
            completed ->
                assertThat(completed.summary()).startsWith("Agent 'researcher' completed its SOP"));
    JsonNode item = client.item(escalationId);
    assertThat(item.path("status").asString()).isEqualTo("RESOLVED");
    assertThat(item.path("resolution").asString()).isEqualTo("Reassigned");
    assertThat(item.path("resolvedBy").asString()).isEqualTo("local-operator");

    JsonNode journal = client.awaitJournal(goalId, "COMPLETED");
    assertThat(entries(journal))
        .containsSubsequence(
            "GoalSubmitted sdr",
            "StepsProposed sdr",
            "ActionSucceeded",
            "HandoffProposed sdr",
            "HandoffRequested sdr",
            "Reassigned",
            "StepsProposed researcher",
            "ActionSucceeded",
            "GoalCompleted");
    assertThat(
            journal
                .path("events")
                .valueStream()
                .filter(event -> "Reassigned".equals(event.path("type").asString()))
                .map(
                    event ->
                        event.path("actor").asString() + " -> " + event.path("target").asString()))
        .containsExactly("local-operator -> agent:researcher");
    assertThat(agentHolders(journal)).containsExactly("sdr", "researcher");
    assertThat(journal.path("holders").valueStream().map(h -> h.path("name").asString()))
        .contains("human:account-managers");
    assertThat(client.ledger(goalId + "/sdr/send").path("emails")).isEmpty();
  }

  /** A denied approval ends the goal as failed, with the person's reason. */
  void deniedGoalFails() throws Exception {
    String goalId =
        goals.submit("demo", "Tell Globex about the new pricing", Map.of("account", "Globex"));

    JsonNode approval = client.awaitPendingApproval(goalId, "email.send");
    HttpResponse<String> denied =
        client.deny(approval.path("escalationId").asString(), "not this quarter");
    assertThat(denied.statusCode()).isEqualTo(202);

    OutcomeEvent outcome = goals.awaitOutcome(goalId, OUTCOME_TIMEOUT);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            GoalFailed.class, failed -> assertThat(failed.reason()).contains("not this quarter"));
    assertThat(types(client.awaitJournal(goalId, "FAILED")))
        .contains("Denied", "ActionDenied", "GoalFailed");
    assertThat(client.ledger(goalId + "/demo/send").path("emails")).isEmpty();
  }

  /**
   * A goal cancelled while its email waits for a person's approval ends as cancelled; the inbox
   * item closes unanswered (Expired by the inbox), an approval after that is refused with 409, and
   * the email is never sent.
   */
  void cancelledGoalClosesItsApproval() throws Exception {
    String goalId =
        goals.submit("demo", "Tell Globex about the new pricing", Map.of("account", "Globex"));
    String escalationId =
        client.awaitPendingApproval(goalId, "email.send").path("escalationId").asString();

    goals.cancel(goalId, "no longer needed", "local-operator");

    assertThat(goals.awaitOutcome(goalId, OUTCOME_TIMEOUT)).isInstanceOf(GoalCancelled.class);
    JsonNode item =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> client.item(escalationId),
                current -> "RESOLVED".equals(current.path("status").asString()));
    assertThat(item.path("resolution").asString()).isEqualTo("Expired");
    assertThat(item.path("resolvedBy").asString()).isEqualTo("system:handoff");
    HttpResponse<String> late = client.approve(escalationId, "too late");
    assertThat(late.statusCode()).isEqualTo(409);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> types(client.journal(goalId)), types -> types.contains("Expired"));
    assertThat(types(client.awaitJournal(goalId, "CANCELLED")))
        .contains("ApprovalRequested", "GoalCancelled", "Expired")
        .doesNotContain("Approved");
    assertThat(client.ledger(goalId + "/demo/send").path("emails")).isEmpty();
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

      approveBoth(goalId);
      assertThat(goals.awaitOutcome(goalId, OUTCOME_TIMEOUT)).isInstanceOf(GoalCompleted.class);
      assertThat(client.ledger(goalId + "/demo/send").path("emails").get(0).path("to").asString())
          .isEqualTo("lee.chen@initech.example");

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

  /** Approves the goal's email, then its CRM entry. */
  void approveBoth(String goalId) {
    for (String tool : List.of("email.send", "crm.log_activity")) {
      JsonNode approval = client.awaitPendingApproval(goalId, tool);
      assertThat(client.approve(approval.path("escalationId").asString(), "ok").statusCode())
          .as("approving %s", tool)
          .isEqualTo(202);
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
