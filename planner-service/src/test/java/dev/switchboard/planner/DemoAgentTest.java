package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.PlannedAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo agent of {@code examples/sales/agents/demo.yaml} walked to the end with the results the
 * example MCP server ({@code examples/sales-tools}) returns: each step's arguments find the facts
 * the earlier results produced.
 */
class DemoAgentTest {
  private final GoalDriver goal = new GoalDriver(TestAgents.examples());

  @Test
  void shouldLookUpFindDraftSendAndLogWithTheSalesToolsResults() {
    goal.submit("demo", "Tell ACME about the new pricing", Map.of("account", "ACME"));

    PlannedAction account = next("crm.lookup_account", "account");
    assertThat(account.sideEffect()).isFalse();
    assertThat(account.arguments().get("account").asString()).isEqualTo("ACME");
    goal.succeed(
        account.actionId(),
        "{\"id\":\"acct-acme\",\"name\":\"ACME\",\"status\":\"prospect\","
            + "\"industry\":\"Manufacturing\",\"employees\":1200,\"region\":\"EMEA\"}");

    PlannedAction contact = next("crm.find_contact", "contact");
    assertThat(contact.arguments().get("account_id").asString()).isEqualTo("acct-acme");
    goal.succeed(
        contact.actionId(),
        "{\"contact\":\"pat.lee@acme.example\",\"name\":\"Pat Lee\",\"title\":\"VP Operations\","
            + "\"contact_id\":\"ct-pat-lee\",\"account_id\":\"acct-acme\",\"account\":\"ACME\"}");

    PlannedAction draft = next("email.draft", "draft");
    assertThat(draft.arguments())
        .isEqualTo(
            GoalDriver.json(
                "{\"to\":\"pat.lee@acme.example\",\"name\":\"Pat Lee\",\"title\":\"VP Operations\","
                    + "\"account\":\"ACME\",\"industry\":\"Manufacturing\","
                    + "\"goal\":\"Tell ACME about the new pricing\"}"));
    goal.succeed(
        draft.actionId(),
        "{\"to\":\"pat.lee@acme.example\",\"subject\":\"Following up with ACME\","
            + "\"body\":\"Hello Pat Lee, ...\",\"draft_id\":\"draft-1\"}");

    PlannedAction send = next("email.send", "send");
    assertThat(send.sideEffect()).isTrue();
    assertThat(send.arguments().get("to").asString()).isEqualTo("pat.lee@acme.example");
    assertThat(send.arguments().get("subject").asString()).isEqualTo("Following up with ACME");
    assertThat(send.arguments().get("body").asString()).isEqualTo("Hello Pat Lee, ...");
    goal.escalate(send.actionId());
    assertThat(goal.state.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    goal.allow(send.actionId());
    goal.succeed(
        send.actionId(),
        "{\"message_id\":\"msg-42\",\"delivered_to\":\"pat.lee@acme.example\","
            + "\"sent_at\":\"2026-04-01T09:00:00Z\"}");

    PlannedAction log = next("crm.log_activity", "log");
    assertThat(log.sideEffect()).isTrue();
    assertThat(log.arguments())
        .isEqualTo(
            GoalDriver.json(
                "{\"account_id\":\"acct-acme\",\"contact\":\"pat.lee@acme.example\","
                    + "\"kind\":\"email\",\"summary\":\"Sent \\\"Following up with ACME\\\" to"
                    + " pat.lee@acme.example (msg-42)\"}"));
    goal.escalate(log.actionId());
    goal.allow(log.actionId());
    goal.succeed(log.actionId(), "{\"activity_id\":\"act-1\",\"account_id\":\"acct-acme\"}");

    GoalCompleted completed = goal.only(GoalCompleted.class);
    assertThat(completed.summary()).startsWith("Agent 'demo' completed its SOP");
    assertThat(completed.results().properties()).hasSize(5);
  }

  private PlannedAction next(String tool, String step) {
    PlannedAction action = goal.proposed().actions().getFirst();
    assertThat(goal.proposed().actions()).hasSize(1);
    assertThat(action.tool()).isEqualTo(tool);
    assertThat(action.actionId()).isEqualTo(goal.action("demo", step));
    return action;
  }
}
