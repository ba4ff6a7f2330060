package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which results the planner believes: only one for a planned tool call the guardrail allowed. */
class ResultCheckTest {
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
    assertThat(ResultCheck.refusal(goal.state, resultOf(lookup)))
        .hasValue("the guardrail has not allowed action " + lookup + " (yet)");

    goal.allow(lookup);
    assertThat(ResultCheck.refusal(goal.state, resultOf(lookup))).isEmpty();

    goal.succeed(
        lookup, "{\"account\": \"ACME\", \"contact\": \"j@acme.example\", \"name\": \"J\"}");
    assertThat(ResultCheck.refusal(goal.state, resultOf(lookup)))
        .hasValue("action " + lookup + " is not in flight (it is succeeded)");
  }

  @Test
  void shouldRefuseAResultWhileTheActionWaitsForApprovalAndTakeItOnceAllowed() {
    goal.submit(null, "Follow up with ACME", Map.of());
    goal.succeed(
        lookup, "{\"account\": \"ACME\", \"contact\": \"j@acme.example\", \"name\": \"J\"}");
    goal.escalate(send);

    assertThat(ResultCheck.refusal(goal.state, resultOf(send)))
        .hasValue("action " + send + " is still waiting for approval");

    goal.allow(send);
    assertThat(ResultCheck.refusal(goal.state, resultOf(send))).isEmpty();
  }

  @Test
  void shouldRefuseAResultForAnActionNeverPlannedOrAGoalNeverSeen() {
    goal.submit(null, "Follow up with ACME", Map.of());

    assertThat(ResultCheck.refusal(goal.state, resultOf("goal-1/demo/step-9")))
        .hasValue("goal goal-1 planned no tool call goal-1/demo/step-9");
    assertThat(ResultCheck.refusal(null, resultOf(lookup)))
        .hasValue("the planner never saw goal goal-1, so it requested no action");
  }
}
