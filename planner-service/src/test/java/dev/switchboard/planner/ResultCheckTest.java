package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.edge.EventRefusal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which results the planner believes: only one for a planned tool call the guardrail allowed; one
 * read before its verdict waits for it.
 */
class ResultCheckTest {
  private static final String ACME =
      "{\"account\": \"ACME\", \"contact\": \"j@acme.example\", \"name\": \"J\"}";

  private final GoalDriver goal = new GoalDriver(TestAgents.examplesWithTwoStepDemo());
  private final String lookup = goal.action("demo", "step-1");
  private final String send = goal.action("demo", "step-2");

  private ActionSucceeded resultOf(String actionId) {
    return new ActionSucceeded(
        goal.goalId, UUID.randomUUID(), null, GoalDriver.T0, actionId, "demo.send", null);
  }

  @Test
  void shouldTakeAResultOnlyForAnAllowedActionStillWithoutOne() {
    goal.submit(null, "Follow up with ACME", Map.of());
    assertThat(ResultCheck.of(goal.state, resultOf(lookup)))
        .isInstanceOf(ResultCheck.BeforeItsVerdict.class);

    goal.allow(lookup);
    assertThat(ResultCheck.of(goal.state, resultOf(lookup))).isInstanceOf(ResultCheck.Takes.class);

    goal.succeed(lookup, ACME);
    assertThat(ResultCheck.of(goal.state, resultOf(lookup)))
        .isEqualTo(
            new ResultCheck.Refused("action " + lookup + " is not in flight (it is succeeded)"));
  }

  @Test
  void shouldHoldAResultReadBeforeItsVerdictAndTakeItWhenTheVerdictAllowsTheAction() {
    goal.submit(null, "Follow up with ACME", Map.of());

    goal.succeedBeforeItsVerdict(lookup, ACME);
    assertThat(goal.last.emit()).as("nothing decided on a result before its verdict").isEmpty();
    assertThat(goal.state.earlyResults()).containsOnlyKeys(lookup);
    assertThat(goal.state.run(lookup).orElseThrow().phase()).isEqualTo(StepRun.Phase.PROPOSED);
    // The same result again (a second one) is refused, not held twice.
    assertThatThrownBy(() -> goal.apply(resultOf(lookup)))
        .isInstanceOf(EventRefusal.class)
        .hasMessageContaining("already has a result waiting for its verdict");

    goal.allow(lookup);
    assertThat(goal.state.earlyResults()).isEmpty();
    assertThat(goal.state.run(lookup).orElseThrow().phase()).isEqualTo(StepRun.Phase.SUCCEEDED);
    assertThat(goal.state.facts()).containsKeys("account", "contact", "name");
    assertThat(goal.proposed().actions())
        .singleElement()
        .satisfies(action -> assertThat(action.actionId()).isEqualTo(send));
  }

  @Test
  void shouldHoldAnApprovedActionsResultReadBeforeTheApprovalsVerdict() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(lookup, ACME);
    goal.escalate(send);

    goal.succeedBeforeItsVerdict(send, "{\"sent\": true}");
    assertThat(goal.state.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(goal.state.earlyResults()).containsOnlyKeys(send);

    goal.allow(send);
    assertThat(goal.state.earlyResults()).isEmpty();
    assertThat(goal.state.run(send).orElseThrow().phase()).isEqualTo(StepRun.Phase.SUCCEEDED);
  }

  @Test
  void shouldDropAHeldResultWhenTheVerdictDeniesTheAction() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(lookup, ACME);
    goal.succeedBeforeItsVerdict(send, "{\"sent\": true}");

    goal.deny(send, "no outside mail today");
    assertThat(goal.state.earlyResults()).isEmpty();
    assertThat(goal.state.run(send).orElseThrow().phase()).isEqualTo(StepRun.Phase.DENIED);
    assertThat(goal.state.results()).doesNotContainKey(send);
    assertThat(goal.last.emit()).noneMatch(StepsProposed.class::isInstance);
  }

  @Test
  void shouldRefuseAResultForAnActionNeverPlannedOrAGoalNeverSeen() {
    goal.submit(null, "Follow up with ACME", Map.of());

    assertThat(ResultCheck.of(goal.state, resultOf("goal-1/demo/step-9")))
        .isEqualTo(new ResultCheck.Refused("goal goal-1 planned no tool call goal-1/demo/step-9"));
    assertThat(ResultCheck.of(null, resultOf(lookup)))
        .isEqualTo(
            new ResultCheck.Refused(
                "the planner never saw goal goal-1, so it requested no action"));
  }
}
