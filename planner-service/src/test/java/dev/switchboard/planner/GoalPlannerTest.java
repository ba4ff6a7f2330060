package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class GoalPlannerTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final String GOAL = "goal-1";
  private static final String STEP_1 = GOAL + "/step-1";
  private static final String STEP_2 = GOAL + "/step-2";

  private final GoalPlanner planner =
      new GoalPlanner(
          AgentRegistry.builtIn(),
          new DeterministicPlanner(),
          "demo",
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void shouldProposeTheLookupWhenAGoalIsSubmitted() {
    GoalSubmitted submitted = submitted(null, Map.of("account", "ACME"));

    Decision<PlannerState> decision = planner.decide(null, submitted);

    StepsProposed proposed = only(decision, StepsProposed.class);
    assertThat(proposed.goalId()).isEqualTo(GOAL);
    assertThat(proposed.causationId()).isEqualTo(submitted.eventId());
    assertThat(proposed.occurredAt()).isEqualTo(NOW);
    assertThat(proposed.agent()).isEqualTo("demo");
    PlannedAction lookup = proposed.actions().getFirst();
    assertThat(proposed.actions()).hasSize(1);
    assertThat(lookup.actionId()).isEqualTo(STEP_1);
    assertThat(lookup.tool()).isEqualTo("demo.lookup");
    assertThat(lookup.sideEffect()).isFalse();
    assertThat(lookup.dependsOn()).isEmpty();
    assertThat(lookup.arguments().get("account").asString()).isEqualTo("ACME");
    assertThat(decision.state().status()).isEqualTo(GoalStatus.RUNNING);
    assertThat(decision.state().pending()).containsExactly(STEP_1);
  }

  @Test
  void shouldLookUpTheDescriptionWhenTheGoalHasNoAccountInput() {
    Decision<PlannerState> decision = planner.decide(null, submitted("demo", Map.of()));

    PlannedAction lookup = only(decision, StepsProposed.class).actions().getFirst();
    assertThat(lookup.arguments().get("account").asString()).isEqualTo("Follow up with ACME");
  }

  @Test
  void shouldProposeTheSendToTheFoundContactWhenTheLookupSucceeds() {
    PlannerState afterSubmit = planner.decide(null, submitted(null, Map.of())).state();
    ActionSucceeded lookedUp = succeeded(STEP_1, "demo.lookup", contact());

    Decision<PlannerState> decision = planner.decide(afterSubmit, lookedUp);

    StepsProposed proposed = only(decision, StepsProposed.class);
    assertThat(proposed.causationId()).isEqualTo(lookedUp.eventId());
    PlannedAction send = proposed.actions().getFirst();
    assertThat(send.actionId()).isEqualTo(STEP_2);
    assertThat(send.tool()).isEqualTo("demo.send");
    assertThat(send.sideEffect()).isTrue();
    assertThat(send.dependsOn()).containsExactly(STEP_1);
    assertThat(send.arguments().get("to").asString()).isEqualTo("jane@acme.example");
    assertThat(send.arguments().get("subject").asString()).contains("ACME");
    assertThat(send.arguments().get("body").asString())
        .contains("Jane Doe")
        .contains("Follow up with ACME");
    assertThat(decision.state().pending()).containsExactly(STEP_2);
    assertThat(decision.state().results()).containsEntry(STEP_1, contact());
  }

  @Test
  void shouldCompleteTheGoalWithAllResultsWhenTheSendSucceeds() {
    PlannerState waiting = stateWaitingForSend();
    JsonNode sent = JsonNodeFactory.instance.objectNode().put("messageId", "m-1");
    ActionSucceeded delivered = succeeded(STEP_2, "demo.send", sent);

    Decision<PlannerState> decision = planner.decide(waiting, delivered);

    GoalCompleted completed = only(decision, GoalCompleted.class);
    assertThat(completed.causationId()).isEqualTo(delivered.eventId());
    assertThat(completed.summary()).contains("demo").contains("2 steps");
    assertThat(completed.results().get(STEP_1)).isEqualTo(contact());
    assertThat(completed.results().get(STEP_2)).isEqualTo(sent);
    assertThat(decision.state().status()).isEqualTo(GoalStatus.COMPLETED);
    assertThat(decision.state().pending()).isEmpty();
  }

  @Test
  void shouldWaitForAHumanWhenTheSendIsEscalatedAndRunAgainWhenItIsAllowed() {
    PlannerState proposed = stateWaitingForSend();

    Decision<PlannerState> escalated =
        planner.decide(
            proposed,
            new ActionEscalated(
                GOAL,
                UUID.randomUUID(),
                null,
                NOW,
                STEP_2,
                "outbound-communication",
                STEP_2 + "/approval",
                "needs approval"));
    Decision<PlannerState> allowed =
        planner.decide(
            escalated.state(),
            new ActionAllowed(GOAL, UUID.randomUUID(), null, NOW, STEP_2, "approved-by-human"));

    assertThat(escalated.emit()).isEmpty();
    assertThat(escalated.state().status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(allowed.emit()).isEmpty();
    assertThat(allowed.state().status()).isEqualTo(GoalStatus.RUNNING);
  }

  @Test
  void shouldFailTheGoalWithThePolicyReasonWhenAnActionIsDenied() {
    ActionDenied denied =
        new ActionDenied(
            GOAL,
            UUID.randomUUID(),
            null,
            NOW,
            STEP_2,
            "human-approval",
            "denied by local-operator: wrong person");

    Decision<PlannerState> decision = planner.decide(stateWaitingForSend(), denied);

    GoalFailed failed = only(decision, GoalFailed.class);
    assertThat(failed.causationId()).isEqualTo(denied.eventId());
    assertThat(failed.reason())
        .contains(STEP_2)
        .contains("human-approval")
        .contains("denied by local-operator: wrong person");
    assertThat(decision.state().status()).isEqualTo(GoalStatus.FAILED);
  }

  @Test
  void shouldFailTheGoalWithTheToolErrorWhenAnActionFails() {
    PlannerState afterSubmit = planner.decide(null, submitted(null, Map.of())).state();

    Decision<PlannerState> decision =
        planner.decide(
            afterSubmit,
            new ActionFailed(
                GOAL, UUID.randomUUID(), null, NOW, STEP_1, "demo.lookup", "no such account"));

    assertThat(only(decision, GoalFailed.class).reason())
        .contains(STEP_1)
        .contains("demo.lookup")
        .contains("no such account");
    assertThat(decision.state().status()).isEqualTo(GoalStatus.FAILED);
  }

  @Test
  void shouldFailTheGoalAndAskForACheckWhenTheOutcomeIsUnknown() {
    Decision<PlannerState> decision =
        planner.decide(
            stateWaitingForSend(),
            new ActionOutcomeUnknown(
                GOAL, UUID.randomUUID(), null, NOW, STEP_2, "demo.send", "timed out"));

    assertThat(only(decision, GoalFailed.class).reason())
        .contains(STEP_2)
        .contains("timed out")
        .contains("check whether it happened");
    assertThat(decision.state().status()).isEqualTo(GoalStatus.FAILED);
  }

  @Test
  void shouldFailTheGoalWhenAnEarlierStepDidNotReturnWhatTheNextNeeds() {
    PlannerState afterSubmit = planner.decide(null, submitted(null, Map.of())).state();
    JsonNode noContact = JsonNodeFactory.instance.objectNode().put("account", "ACME");

    Decision<PlannerState> decision =
        planner.decide(afterSubmit, succeeded(STEP_1, "demo.lookup", noContact));

    assertThat(only(decision, GoalFailed.class).reason())
        .contains("step-2")
        .contains("step-1.contact");
  }

  @Test
  void shouldCancelARunningGoal() {
    GoalEvent.GoalCancelled cancel =
        new GoalEvent.GoalCancelled(
            GOAL, UUID.randomUUID(), null, NOW, "not needed", "local-operator");

    Decision<PlannerState> decision = planner.decide(stateWaitingForSend(), cancel);

    OutcomeEvent.GoalCancelled cancelled = only(decision, OutcomeEvent.GoalCancelled.class);
    assertThat(cancelled.causationId()).isEqualTo(cancel.eventId());
    assertThat(cancelled.summary()).contains("local-operator");
    assertThat(cancelled.reason()).isEqualTo("not needed");
    assertThat(decision.state().status()).isEqualTo(GoalStatus.CANCELLED);
    assertThat(decision.state().pending()).isEmpty();
  }

  @Test
  void shouldFailAGoalForAnUnknownAgentNamingTheKnownOnes() {
    Decision<PlannerState> decision = planner.decide(null, submitted("sales", Map.of()));

    GoalFailed failed = only(decision, GoalFailed.class);
    assertThat(failed.reason()).isEqualTo("unknown agent 'sales'; known agents: demo");
    assertThat(decision.state().status()).isEqualTo(GoalStatus.FAILED);
    assertThat(decision.state().agent()).isEqualTo("sales");
  }

  @Test
  void shouldIgnoreEveryEventAfterTheGoalEnded() {
    PlannerState completed =
        planner
            .decide(
                stateWaitingForSend(),
                succeeded(STEP_2, "demo.send", JsonNodeFactory.instance.objectNode()))
            .state();

    for (SwitchboardEvent late :
        new SwitchboardEvent[] {
          succeeded(STEP_2, "demo.send", JsonNodeFactory.instance.objectNode()),
          new ActionDenied(GOAL, UUID.randomUUID(), null, NOW, STEP_2, "p", "late"),
          new GoalEvent.GoalCancelled(GOAL, UUID.randomUUID(), null, NOW, "late", "someone"),
          submitted(null, Map.of())
        }) {
      Decision<PlannerState> decision = planner.decide(completed, late);

      assertThat(decision.emit()).as("after %s", late).isEmpty();
      assertThat(decision.state()).isEqualTo(completed);
    }
  }

  @Test
  void shouldIgnoreEventsForAGoalItNeverSaw() {
    for (SwitchboardEvent stray :
        new SwitchboardEvent[] {
          succeeded(STEP_1, "demo.lookup", contact()),
          new ActionAllowed(GOAL, UUID.randomUUID(), null, NOW, STEP_1, "read-only-tools"),
          new GoalEvent.GoalCancelled(GOAL, UUID.randomUUID(), null, NOW, "stop", "someone"),
          new Approved(GOAL, UUID.randomUUID(), null, NOW, STEP_2 + "/approval", "op", null)
        }) {
      Decision<PlannerState> decision = planner.decide(null, stray);

      assertThat(decision.emit()).as("after %s", stray).isEmpty();
      assertThat(decision.state()).isNull();
    }
  }

  @Test
  void shouldIgnoreResultsOfActionsItIsNotWaitingFor() {
    PlannerState waiting = stateWaitingForSend();

    Decision<PlannerState> decision =
        planner.decide(waiting, succeeded(STEP_1, "demo.lookup", contact()));

    assertThat(decision.emit()).isEmpty();
    assertThat(decision.state()).isEqualTo(waiting);
  }

  @Test
  void shouldRefuseEventsFromTopicsItDoesNotRead() {
    ActionRequested request =
        new ActionRequested(
            GOAL,
            UUID.randomUUID(),
            null,
            NOW,
            new PlannedAction(STEP_1, "demo.lookup", null, null, false, null),
            null,
            NOW.plusSeconds(600),
            "key-1",
            "sig");

    assertThatThrownBy(() -> planner.decide(stateWaitingForSend(), request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ActionRequested");
  }

  private PlannerState stateWaitingForSend() {
    PlannerState afterSubmit = planner.decide(null, submitted(null, Map.of())).state();
    return planner.decide(afterSubmit, succeeded(STEP_1, "demo.lookup", contact())).state();
  }

  private static GoalSubmitted submitted(String agent, Map<String, String> inputs) {
    return new GoalSubmitted(
        GOAL, UUID.randomUUID(), null, NOW, agent, "Follow up with ACME", inputs);
  }

  private static ActionSucceeded succeeded(String actionId, String tool, JsonNode output) {
    return new ActionSucceeded(GOAL, UUID.randomUUID(), null, NOW, actionId, tool, output);
  }

  private static JsonNode contact() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("account", "ACME")
        .put("contact", "jane@acme.example")
        .put("name", "Jane Doe");
  }

  private static <T extends SwitchboardEvent> T only(
      Decision<PlannerState> decision, Class<T> type) {
    assertThat(decision.emit()).hasSize(1);
    assertThat(decision.emit().getFirst()).isInstanceOf(type);
    return type.cast(decision.emit().getFirst());
  }
}
