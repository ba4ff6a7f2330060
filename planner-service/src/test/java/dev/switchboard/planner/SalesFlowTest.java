package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sales case of {@code examples/sales/agents} with scripted tool results: the sdr qualifies,
 * the researcher and the writer work the goal in turn with its whole context, the sdr sends and
 * logs.
 */
class SalesFlowTest {
  private static final String ACCOUNT =
      "{\"id\": \"A-1\", \"name\": \"ACME Corp\", \"status\": \"prospect\"}";

  private final GoalDriver goal = new GoalDriver(TestAgents.examples());

  @Test
  void shouldRunTheSalesGoalThroughTwoAgentHandoffsAndBack() {
    goal.submit("sdr", "Tell ACME about the new pricing", Map.of("account", "ACME"));
    String qualify = goal.action("sdr", "qualify");
    assertThat(goal.proposed().actions())
        .extracting(PlannedAction::actionId)
        .containsExactly(qualify);

    goal.succeed(qualify, ACCOUNT);
    HandoffProposed toResearcher = goal.only(HandoffProposed.class);
    assertThat(toResearcher.target()).isEqualTo("agent:researcher");
    assertThat(toResearcher.agent()).isEqualTo("sdr");
    assertThat(toResearcher.reason()).contains("ACME Corp");
    assertThat(toResearcher.context().goal()).isEqualTo("Tell ACME about the new pricing");
    assertThat(toResearcher.context().facts().get("account_id").asString()).isEqualTo("A-1");
    assertThat(toResearcher.context().facts().get("inputs.account").asString()).isEqualTo("ACME");
    assertThat(toResearcher.context().results()).containsKey(qualify);

    // The researcher's two lookups need only what the sdr found: they go out together.
    goal.handOverAsProposed();
    StepsProposed research = goal.proposed();
    assertThat(research.agent()).isEqualTo("researcher");
    assertThat(research.actions())
        .extracting(PlannedAction::tool, PlannedAction::dependsOn)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("crm.lookup_account", java.util.List.of(qualify)),
            org.assertj.core.groups.Tuple.tuple("crm.find_contact", java.util.List.of(qualify)));
    assertThat(research.actions().get(1).arguments().get("role").asString())
        .isEqualTo("head of sales");
    assertThat(goal.state.holder()).isEqualTo("agent:researcher");

    goal.succeed(
        goal.action("researcher", "contact"),
        "{\"contact\": \"pat.lee@acme.example\", \"name\": \"Pat Lee\", \"title\": \"VP Sales\"}");
    assertThat(goal.last.emit()).as("waits for the other lookup").isEmpty();
    goal.succeed(
        goal.action("researcher", "account"),
        "{\"industry\": \"Manufacturing\", \"employees\": 1200, \"region\": \"EMEA\"}");
    HandoffProposed back = goal.only(HandoffProposed.class);
    assertThat(back.target()).isEqualTo("agent:sdr");
    assertThat(back.agent()).isEqualTo("researcher");
    assertThat(back.context().facts()).containsKeys("contact_email", "account_industry");

    goal.handOverAsProposed();
    HandoffProposed toWriter = goal.only(HandoffProposed.class);
    assertThat(toWriter.target()).isEqualTo("agent:writer");
    assertThat(toWriter.reason()).isEqualTo("draft the outreach to Pat Lee at ACME Corp");

    goal.handOverAsProposed();
    PlannedAction draft = goal.proposed().actions().getFirst();
    assertThat(draft.tool()).isEqualTo("email.draft");
    assertThat(draft.arguments().get("to").asString()).isEqualTo("pat.lee@acme.example");
    assertThat(draft.arguments().get("industry").asString()).isEqualTo("Manufacturing");
    assertThat(draft.arguments().get("title").asString()).isEqualTo("VP Sales");

    goal.succeed(
        draft.actionId(), "{\"subject\": \"New pricing for ACME\", \"body\": \"Hi Pat, ...\"}");
    assertThat(goal.only(HandoffProposed.class).target()).isEqualTo("agent:sdr");

    goal.handOverAsProposed();
    PlannedAction send = goal.proposed().actions().getFirst();
    assertThat(send.tool()).isEqualTo("email.send");
    assertThat(send.sideEffect()).isTrue();
    assertThat(send.arguments().get("subject").asString()).isEqualTo("New pricing for ACME");
    assertThat(send.dependsOn())
        .contains(goal.action("researcher", "contact"), goal.action("writer", "draft"));

    goal.escalate(send.actionId());
    assertThat(goal.state.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    goal.allow(send.actionId());
    goal.succeed(send.actionId(), "{\"message_id\": \"m-7\"}");

    // Logging and the follow-up both wait only for the sent message: a DAG of two.
    StepsProposed after = goal.proposed();
    assertThat(after.actions())
        .extracting(PlannedAction::tool)
        .containsExactly("crm.log_activity", "calendar.schedule_followup");
    assertThat(after.actions().getFirst().arguments().get("summary").asString())
        .isEqualTo("Sent \"New pricing for ACME\" (m-7)");
    assertThat(after.actions())
        .allSatisfy(a -> assertThat(a.dependsOn()).contains(send.actionId()));

    goal.succeed(after.actions().get(1).actionId(), "{\"event_id\": \"cal-1\"}");
    goal.succeed(after.actions().get(0).actionId(), "{\"activity_id\": \"act-1\"}");

    GoalCompleted completed = goal.only(GoalCompleted.class);
    assertThat(completed.summary()).startsWith("Agent 'sdr' completed its SOP: 6 of 7 steps done");
    assertThat(completed.results().properties()).hasSize(7);
    assertThat(goal.state.callers()).isEmpty();
    assertThat(goal.state.history())
        .anyMatch(l -> l.equals("researcher holds the goal"))
        .anyMatch(l -> l.equals("writer holds the goal"));
  }

  @Test
  void shouldAskSalesOpsWhenNoContactIsFoundAndGoOnWithTheContactTheyGive() {
    atTheResearcher();

    goal.fail(goal.action("researcher", "contact"), "no contact at A-1");
    assertThat(goal.last.emit()).isEmpty();
    goal.succeed(goal.action("researcher", "account"), "{\"industry\": \"Retail\"}");

    HandoffProposed toPeople = goal.only(HandoffProposed.class);
    assertThat(toPeople.target()).isEqualTo("human:sales-ops");
    assertThat(toPeople.reason()).startsWith("no contact found at ACME Corp");
    assertThat(goal.state.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);

    goal.answer("{\"contact_email\": \"kim@acme.example\", \"contact_name\": \"Kim\"}");

    assertThat(goal.only(HandoffProposed.class).target()).isEqualTo("agent:sdr");
    assertThat(goal.state.fact("contact_email").orElseThrow().asString())
        .isEqualTo("kim@acme.example");
    goal.handOverAsProposed();
    assertThat(goal.only(HandoffProposed.class).target()).isEqualTo("agent:writer");
  }

  @Test
  void shouldHandAnExistingCustomerToTheAccountManagersAndEndWhenOneTakesItOver() {
    goal.submit("sdr", "Tell ACME about the new pricing", Map.of("account", "ACME"));
    goal.succeed(
        goal.action("sdr", "qualify"),
        "{\"id\": \"A-1\", \"name\": \"ACME\", \"status\": \"customer\"}");

    HandoffProposed handoff = goal.only(HandoffProposed.class);
    assertThat(handoff.target()).isEqualTo("human:account-managers");
    assertThat(handoff.reason())
        .isEqualTo("ACME is a customer already: an account manager should take this lead");

    goal.takeOver("called them myself");

    GoalCompleted completed = goal.only(GoalCompleted.class);
    assertThat(completed.summary())
        .isEqualTo("Completed by ann, who took the goal over: called them myself");
  }

  @Test
  void shouldHandAFailedQualificationToSalesOpsAndGoOnWithWhatThePersonFound() {
    goal.submit("sdr", "Tell ACME about the new pricing", Map.of("account", "ACME"));
    goal.fail(goal.action("sdr", "qualify"), "CRM timeout");

    HandoffProposed handoff = goal.only(HandoffProposed.class);
    assertThat(handoff.target()).isEqualTo("human:sales-ops");
    assertThat(handoff.reason()).contains("step qualify").contains("failed: CRM timeout");

    goal.takeOver("{\"id\": \"A-9\", \"name\": \"ACME Ltd\", \"status\": \"prospect\"}");

    assertThat(goal.state.fact("account_id").orElseThrow().asString()).isEqualTo("A-9");
    assertThat(goal.only(HandoffProposed.class).target()).isEqualTo("agent:researcher");
  }

  private void atTheResearcher() {
    goal.submit("sdr", "Tell ACME about the new pricing", Map.of("account", "ACME"));
    goal.succeed(goal.action("sdr", "qualify"), ACCOUNT);
    goal.handOverAsProposed();
    assertThat(goal.proposed().actions()).hasSize(2);
  }
}
