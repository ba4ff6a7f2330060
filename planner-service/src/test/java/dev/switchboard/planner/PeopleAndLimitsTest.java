package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlannedAction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Goals that cannot simply go on: budgets, loops, cancellation, actions of unknown outcome — each
 * ends with a person or a clear outcome, never silently.
 */
class PeopleAndLimitsTest {
  private static final String WORKER =
      """
      name: worker
      tools: [a.read, b.read, c.read, mail.send]
      budgets: {max-steps: 10, max-wall-time: 10m, max-tokens: 100, max-cost: 0.10, max-repeats: 2}
      sop:
        - id: a
          tool: a.read
        - id: b
          tool: b.read
        - id: send
          tool: mail.send
          side-effect: true
          arguments: {to: x}
          produces: {id: id}
        - id: c
          tool: c.read
          needs: [id]
        - id: mark
          tool: a.read
          arguments: {mark: "{{id}}"}
      """;

  private GoalDriver goal =
      new GoalDriver(TestAgents.of(WORKER.replace("needs: [done_a]", "needs: []")));

  @Test
  void shouldHandTheGoalToAPersonWhenTheStepBudgetWouldBeExceeded() {
    goal = new GoalDriver(TestAgents.of(WORKER.replace("max-steps: 10", "max-steps: 3")));
    goal.submit("worker", "Work", Map.of());
    assertThat(goal.proposed().actions()).hasSize(3);
    goal.succeed(goal.action("worker", "a"), "{}");
    goal.succeed(goal.action("worker", "b"), "{}");

    goal.succeed(goal.action("worker", "send"), "{\"id\": \"m-1\"}");

    HandoffProposed handoff = goal.only(HandoffProposed.class);
    assertThat(handoff.target()).isEqualTo("human:operators");
    assertThat(handoff.reason())
        .isEqualTo("over budget: agent 'worker' would take 5 steps, more than its budget of 3");
    assertThat(handoff.summary()).startsWith("3 of 3 step runs done");
    assertThat(goal.state.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);

    goal.answer("go on");

    assertThat(goal.proposed().actions())
        .extracting(PlannedAction::tool)
        .containsExactly("c.read", "a.read");
  }

  @Test
  void shouldEndTheGoalWhenAPersonTakesOverAGoalOverBudget() {
    shouldHandTheGoalToAPersonWhenTheStepBudgetWouldBeExceeded();
    goal.state =
        goal.state.edit(
            d ->
                d.awaiting =
                    new Awaiting(Awaiting.Purpose.BUDGET, null, "human:operators", "worker"));

    goal.takeOver("finished it by hand");

    assertThat(goal.only(GoalCompleted.class).summary())
        .isEqualTo("Completed by ann, who took the goal over: finished it by hand");
  }

  @Test
  void shouldHandTheGoalToAPersonWhenTheWallTimeRanOut() {
    goal.submit("worker", "Work", Map.of());
    goal.allow(goal.action("worker", "a"));
    goal.clock.advance(Duration.ofMinutes(11));

    goal.succeed(goal.action("worker", "a"), "{}");

    assertThat(goal.only(HandoffProposed.class).reason())
        .isEqualTo("agent 'worker' held the goal for longer than its wall-time budget of PT10M");
    assertThat(goal.planner.wallTimeDeadline(goal.state))
        .contains(GoalDriver.T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void shouldHandTheGoalToAPersonWhenTheWallTimeTimerFires() {
    goal.submit("worker", "Work", Map.of());
    goal.clock.advance(Duration.ofMinutes(10));

    goal.last = goal.planner.onWallTimeElapsed(goal.state, goal.clock.instant());

    HandoffProposed handoff = goal.only(HandoffProposed.class);
    assertThat(handoff.causationId())
        .isEqualTo(WallTimeTimer.causeOf(goal.goalId, GoalDriver.T0.plus(Duration.ofMinutes(10))));
    assertThat(handoff.reason()).contains("wall-time budget");
  }

  @Test
  void shouldHandTheGoalToAPersonWhenModelTokensOrCostRanOut() {
    goal.submit("worker", "Work", Map.of());
    goal.allow(goal.action("worker", "a"));
    goal.state =
        goal.state.edit(
            d -> d.usage.put("worker", d.usage.get("worker").plusModel(101, BigDecimal.ZERO)));

    goal.succeed(goal.action("worker", "a"), "{}");
    assertThat(goal.only(HandoffProposed.class).reason())
        .isEqualTo("agent 'worker' used 101 model tokens, more than its budget of 100");

    GoalDriver costly = new GoalDriver(TestAgents.of(WORKER));
    costly.submit("worker", "Work", Map.of());
    costly.allow(costly.action("worker", "a"));
    costly.state =
        costly.state.edit(
            d -> d.usage.put("worker", d.usage.get("worker").plusModel(1, new BigDecimal("0.11"))));
    costly.succeed(costly.action("worker", "a"), "{}");
    assertThat(costly.only(HandoffProposed.class).reason())
        .isEqualTo("agent 'worker' used $0.11 of model calls, more than its budget of $0.10");
  }

  @Test
  void shouldDetectALoopWhenTheSameActionIsProposedTooOften() {
    goal.submit("worker", "Work", Map.of());
    String send = goal.action("worker", "send");

    goal.unknown(send, "restarted");
    goal.answer("retry");
    PlannedAction again = goal.proposed().actions().getFirst();
    assertThat(again.actionId()).isEqualTo(send + "#2");
    assertThat(again.arguments().get("to").asString()).isEqualTo("x");

    goal.unknown(again.actionId(), "restarted again");
    goal.answer("retry");

    HandoffProposed loop = goal.only(HandoffProposed.class);
    assertThat(loop.reason())
        .startsWith(
            "loop: agent 'worker' proposed mail.send with the same arguments 3 times (at most 2)");
    assertThat(goal.state.awaiting().purpose()).isEqualTo(Awaiting.Purpose.LOOP);
  }

  @Test
  void shouldAskWhetherAnActionOfUnknownOutcomeHappenedAndGoOnWhenItDid() {
    goal.submit("worker", "Work", Map.of());
    String send = goal.action("worker", "send");

    goal.unknown(send, "timed out");
    QuestionProposed question = goal.only(QuestionProposed.class);
    assertThat(question.question()).contains(send).contains("mail.send").contains("{\"to\":\"x\"}");
    assertThat(goal.state.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    goal.succeed(goal.action("worker", "a"), "{}");
    assertThat(goal.last.emit()).as("one question at a time, no new steps meanwhile").isEmpty();

    assertThat(question.question())
        .endsWith(
            "If it happened, answer with what it returned, as a JSON object like {\"id\":\"…\"}: the next steps use it.");

    goal.answer("I am not sure");
    assertThat(goal.only(QuestionProposed.class).question())
        .startsWith("'I am not sure' is not one of the answers I can act on.");

    goal.answer("happened");
    assertThat(goal.only(QuestionProposed.class).question())
        .as("a bare 'happened' would leave the id unknown and stop step c")
        .startsWith("'happened' is noted, but the next steps need what it returned.")
        .contains("{\"id\":\"…\"}");
    assertThat(goal.state.run(send).orElseThrow().phase()).isEqualTo(StepRun.Phase.OUTCOME_UNKNOWN);

    goal.answer("{\"id\": \"m-9\"}");
    assertThat(goal.state.run(send).orElseThrow().phase()).isEqualTo(StepRun.Phase.SUCCEEDED);
    assertThat(goal.state.fact("id").orElseThrow().asString()).isEqualTo("m-9");
    assertThat(goal.proposed().actions())
        .as("c and mark need only the id; b is still under way")
        .extracting(PlannedAction::tool)
        .containsExactly("c.read", "a.read");
  }

  @Test
  void shouldTreatANoAsAFailureOfTheStep() {
    goal.submit("worker", "Work", Map.of());
    String send = goal.action("worker", "send");
    goal.unknown(send, "timed out");

    goal.answer("Did not happen.");

    assertThat(goal.only(GoalFailed.class).reason())
        .contains(send)
        .contains("failed: did not happen, says ann");
  }

  @Test
  void shouldTakeATakeoverOfAnUnknownActionAsItsResult() {
    goal.submit("worker", "Work", Map.of());
    String send = goal.action("worker", "send");
    goal.unknown(send, "timed out");

    goal.takeOver("{\"id\": \"by-hand\"}");

    assertThat(goal.state.fact("id").orElseThrow().asString()).isEqualTo("by-hand");
    assertThat(goal.state.results().get(send).get("id").asString()).isEqualTo("by-hand");
  }

  @Test
  void shouldLetActionsInFlightFinishThenEndTheGoalAsCancelled() {
    goal.submit("worker", "Work", Map.of());
    String send = goal.action("worker", "send");
    goal.escalate(send);

    goal.cancel();
    assertThat(goal.last.emit()).as("a and b are under way").isEmpty();
    assertThat(goal.state.run(send).orElseThrow().phase()).isEqualTo(StepRun.Phase.DROPPED);

    goal.succeed(goal.action("worker", "a"), "{\"ok\": 1}");
    assertThat(goal.last.emit()).isEmpty();
    goal.succeed(goal.action("worker", "b"), "{\"ok\": 2}");

    OutcomeEvent.GoalCancelled cancelled = goal.only(OutcomeEvent.GoalCancelled.class);
    assertThat(cancelled.summary()).isEqualTo("Goal cancelled by ann");
    assertThat(cancelled.reason()).isEqualTo("no longer needed");
    assertThat(goal.state.status()).isEqualTo(GoalStatus.CANCELLED);
    assertThat(goal.state.results())
        .containsKeys(goal.action("worker", "a"), goal.action("worker", "b"));
  }

  @Test
  void shouldEndACancelledGoalAtOnceWhenNothingIsInFlight() {
    goal.submit("worker", "Work", Map.of());
    goal.succeed(goal.action("worker", "a"), "{}");
    goal.succeed(goal.action("worker", "b"), "{}");
    goal.unknown(goal.action("worker", "send"), "timed out");

    goal.cancel();

    assertThat(goal.only(OutcomeEvent.GoalCancelled.class).summary())
        .isEqualTo(
            "Goal cancelled by ann; a person should check whether goal-1/worker/send happened");
  }

  @Test
  void shouldFailTheGoalWhenNobodyAnswersInTime() {
    goal.submit("worker", "Work", Map.of());
    goal.unknown(goal.action("worker", "send"), "timed out");

    goal.expire();

    assertThat(goal.only(GoalFailed.class).reason())
        .isEqualTo("nobody answered human:operators in time: 24h");
  }
}
