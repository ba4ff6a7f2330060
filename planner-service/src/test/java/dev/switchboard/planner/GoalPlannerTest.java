package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventRefusal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A two-step agent's goal (the demo agent before it moved onto the example MCP server) from
 * submission to outcome, and what the planner ignores.
 */
class GoalPlannerTest {
  private static final String CONTACT =
      "{\"account\": \"ACME\", \"contact\": \"jane@acme.example\", \"name\": \"Jane Doe\"}";

  private final GoalDriver goal = new GoalDriver(TestAgents.examplesWithTwoStepDemo());
  private final String lookup = goal.action("demo", "step-1");
  private final String send = goal.action("demo", "step-2");

  @Test
  void shouldProposeTheLookupWhenAGoalIsSubmitted() {
    GoalSubmitted submitted =
        new GoalSubmitted(
            goal.goalId,
            UUID.randomUUID(),
            null,
            GoalDriver.T0,
            null,
            "Follow up with ACME",
            Map.of("account", "ACME"));

    goal.apply(submitted);

    StepsProposed proposed = goal.proposed();
    assertThat(proposed.causationId()).isEqualTo(submitted.eventId());
    assertThat(proposed.occurredAt()).isEqualTo(GoalDriver.T0);
    assertThat(proposed.agent()).isEqualTo("demo");
    PlannedAction action = proposed.actions().getFirst();
    assertThat(proposed.actions()).hasSize(1);
    assertThat(action.actionId()).isEqualTo("goal-1/demo/step-1");
    assertThat(action.tool()).isEqualTo("demo.lookup");
    assertThat(action.sideEffect()).isFalse();
    assertThat(action.dependsOn()).isEmpty();
    assertThat(action.arguments().get("account").asString()).isEqualTo("ACME");
    assertThat(goal.state.status()).isEqualTo(GoalStatus.RUNNING);
    assertThat(goal.state.holder()).isEqualTo("agent:demo");
    assertThat(goal.state.specVersions()).containsKey("demo");
  }

  @Test
  void shouldLookUpTheDescriptionWhenTheGoalHasNoAccountInput() {
    goal.submit("demo", "Follow up with ACME", Map.of());

    assertThat(goal.proposed().actions().getFirst().arguments().get("account").asString())
        .isEqualTo("Follow up with ACME");
  }

  @Test
  void shouldProposeTheSendToTheFoundContactWhenTheLookupSucceeds() {
    goal.submit(null, "Follow up with ACME", Map.of());

    goal.succeed(lookup, CONTACT);

    PlannedAction action = goal.proposed().actions().getFirst();
    assertThat(action.actionId()).isEqualTo(send);
    assertThat(action.tool()).isEqualTo("demo.send");
    assertThat(action.sideEffect()).isTrue();
    assertThat(action.dependsOn()).containsExactly(lookup);
    assertThat(action.arguments().get("to").asString()).isEqualTo("jane@acme.example");
    assertThat(action.arguments().get("subject").asString()).isEqualTo("Following up: ACME");
    assertThat(action.arguments().get("body").asString())
        .contains("Hello Jane Doe")
        .contains("following up on: Follow up with ACME");
    assertThat(goal.state.fact("contact")).isPresent();
  }

  @Test
  void shouldCompleteTheGoalWithAllResultsWhenTheSendSucceeds() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(lookup, CONTACT);

    goal.succeed(send, "{\"messageId\": \"m-1\"}");

    GoalCompleted completed = goal.only(GoalCompleted.class);
    assertThat(completed.summary()).isEqualTo("Agent 'demo' completed its SOP: 2 of 2 steps done");
    assertThat(completed.results().get(lookup).get("contact").asString())
        .isEqualTo("jane@acme.example");
    assertThat(completed.results().get(send).get("messageId").asString()).isEqualTo("m-1");
    assertThat(goal.state.status()).isEqualTo(GoalStatus.COMPLETED);
  }

  @Test
  void shouldWaitForAPersonWhileTheSendIsEscalatedAndRunAgainWhenItIsAllowed() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(lookup, CONTACT);

    goal.escalate(send);
    assertThat(goal.last.emit()).isEmpty();
    assertThat(goal.state.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);

    goal.allow(send);
    assertThat(goal.last.emit()).isEmpty();
    assertThat(goal.state.status()).isEqualTo(GoalStatus.RUNNING);
  }

  @Test
  void shouldFailTheGoalWithThePolicyAndTheReasonWhenTheSendIsDenied() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(lookup, CONTACT);
    goal.escalate(send);

    goal.deny(send, "denied by local-operator: wrong person");

    GoalFailed failed = goal.only(GoalFailed.class);
    assertThat(failed.summary()).isEqualTo("Action denied");
    assertThat(failed.reason())
        .contains(send)
        .contains("policy 'human-approval'")
        .contains("denied by local-operator: wrong person");
    assertThat(goal.state.status()).isEqualTo(GoalStatus.FAILED);
  }

  @Test
  void shouldTellTheEdgeAGoalEndedSoItIsForgottenAfterTheRetention() {
    Decision<PlannerState> running = goal.submit("demo", "Follow up with ACME", Map.of());
    Decision<PlannerState> failed =
        new GoalDriver(TestAgents.examplesWithTwoStepDemo()).submit("sales", "Follow up", Map.of());

    assertThat(running.ended()).isFalse();
    assertThat(failed.ended()).isTrue();
  }

  @Test
  void shouldFailTheGoalWithTheToolErrorWhenTheLookupFails() {
    goal.submit(null, "Follow up with ACME", Map.of());

    goal.fail(lookup, "no account named 'ACME'");

    assertThat(goal.only(GoalFailed.class).reason())
        .contains(lookup)
        .contains("demo.lookup")
        .contains("no account named 'ACME'");
  }

  @Test
  void shouldHandTheGoalToAPersonWhenTheLookupDidNotReturnWhatTheSendNeeds() {
    goal.submit(null, "Follow up with ACME", Map.of());

    goal.succeed(lookup, "{\"account\": \"ACME\"}");

    HandoffProposed handoff = goal.only(HandoffProposed.class);
    assertThat(handoff.target()).isEqualTo("human:operators");
    assertThat(handoff.agent()).isEqualTo("demo");
    assertThat(handoff.reason()).contains("step step-2 needs contact, name");
    assertThat(handoff.context().facts()).containsKey("account");
    assertThat(handoff.context().results()).containsKey(lookup);
    assertThat(handoff.context().history())
        .anyMatch(line -> line.contains("step-1 (demo.lookup) succeeded"));
    assertThat(goal.state.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
  }

  @Test
  void shouldAskAPersonWhenTheOutcomeOfTheSendIsUnknown() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(lookup, CONTACT);

    goal.unknown(send, "the executor restarted during the call");

    QuestionProposed question = goal.only(QuestionProposed.class);
    assertThat(question.queue()).isEqualTo("human:operators");
    assertThat(question.question())
        .contains(send)
        .contains("demo.send")
        .contains("jane@acme.example")
        .contains("the executor restarted during the call")
        .contains("'happened', 'did not happen' or 'retry'");
  }

  @Test
  void shouldFailAGoalForAnUnknownAgentNamingTheKnownOnes() {
    goal.submit("sales", "Follow up", Map.of());

    GoalFailed failed = goal.only(GoalFailed.class);
    assertThat(failed.reason())
        .isEqualTo("unknown agent 'sales'; known agents: demo, researcher, sdr, writer");
    assertThat(goal.state.agent()).isEqualTo("sales");
    assertThat(goal.state.status()).isEqualTo(GoalStatus.FAILED);
  }

  @Test
  void shouldIgnoreEveryEventAfterTheGoalEnded() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(lookup, CONTACT);
    goal.succeed(send, "{}");
    PlannerState completed = goal.state;

    for (SwitchboardEvent late :
        new SwitchboardEvent[] {
          new ActionSucceeded(
              goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, send, "demo.send", null),
          new ActionDenied(goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, send, "p", "late"),
          new GoalEvent.GoalCancelled(
              goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, "late", "x"),
          new GoalSubmitted(
              goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, null, "again", null)
        }) {
      Decision<PlannerState> decision = goal.planner.decide(completed, late);

      assertThat(decision.emit()).as("after %s", late).isEmpty();
      assertThat(decision.state()).isEqualTo(completed);
    }
  }

  @Test
  void shouldIgnoreEventsForAGoalItNeverSaw() {
    for (SwitchboardEvent stray :
        new SwitchboardEvent[] {
          new ActionAllowed(
              goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, lookup, "read-only-tools"),
          new GoalEvent.GoalCancelled(
              goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, "stop", "x"),
          new Approved(
              goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, "approval-1", "op", null)
        }) {
      Decision<PlannerState> decision = goal.planner.decide(null, stray);

      assertThat(decision.emit()).as("after %s", stray).isEmpty();
      assertThat(decision.state()).isNull();
    }
  }

  @Test
  void shouldRefuseResultsOfActionsItIsNotWaitingForAndChangeNothing() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(lookup, CONTACT);
    PlannerState waiting = goal.state;

    assertThatThrownBy(() -> goal.succeed(lookup, CONTACT))
        .isInstanceOf(EventRefusal.class)
        .hasMessageContaining("not in flight (it is succeeded)");
    assertThatThrownBy(
            () ->
                goal.apply(
                    new ActionSucceeded(
                        goal.goalId,
                        UUID.randomUUID(),
                        null,
                        GoalDriver.T0,
                        "goal-1/demo/step-9",
                        "x",
                        null)))
        .isInstanceOf(EventRefusal.class)
        .hasMessageContaining("planned no tool call goal-1/demo/step-9");
    assertThat(goal.state).isEqualTo(waiting);
  }

  @Test
  void shouldNotCompleteAGoalOnAResultForAnActionStillWaitingForApproval() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(lookup, CONTACT);
    goal.escalate(send);

    ActionSucceeded forged =
        new ActionSucceeded(
            goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, send, "demo.send", null);

    // Held until the approval's verdict (it may be read after the result), never taken before.
    goal.apply(forged);
    assertThat(goal.last.emit()).isEmpty();
    assertThat(goal.state.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(goal.state.run(send).orElseThrow().phase()).isEqualTo(StepRun.Phase.ESCALATED);
    // The person rejects: the guardrail denies, and the held result is dropped.
    goal.deny(send, "rejected by ann");
    assertThat(goal.state.earlyResults()).isEmpty();
    assertThat(goal.state.status()).isNotEqualTo(GoalStatus.COMPLETED);
    assertThat(goal.state.results()).doesNotContainKey(send);
  }

  @Test
  void shouldRefuseAResultForAGoalItNeverSaw() {
    ActionSucceeded stray =
        new ActionSucceeded(
            goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, lookup, "demo.lookup", null);

    assertThatThrownBy(() -> goal.planner.decide(null, stray))
        .isInstanceOf(EventRefusal.class)
        .hasMessageContaining("never saw goal goal-1");
  }

  @Test
  void shouldRefuseEventsFromTopicsItDoesNotRead() {
    goal.submit(null, "Follow up with ACME", Map.of());
    ActionRequested request =
        new ActionRequested(
            goal.goalId,
            UUID.randomUUID(),
            null,
            GoalDriver.T0,
            new PlannedAction(
                lookup, "demo.lookup", JsonNodeFactory.instance.objectNode(), null, false, null),
            null,
            GoalDriver.T0.plusSeconds(600),
            "key-1",
            "sig");

    assertThatThrownBy(() -> goal.planner.decide(goal.state, request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ActionRequested");
  }
}
