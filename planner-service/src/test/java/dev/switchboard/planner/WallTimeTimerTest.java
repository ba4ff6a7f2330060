package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.TimerChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wall-time budget as kafka-edge's durable timer, with the plain {@link GoalPlanner}: set when
 * an agent takes the goal, moved when the goal gets a fresh budget, cancelled when the goal ends;
 * when it is due, the goal goes to a person.
 */
class WallTimeTimerTest {
  private static final String WORKER =
      """
      name: worker
      tools: [a.read, b.read]
      budgets: {max-wall-time: 10m}
      sop:
        - id: a
          tool: a.read
          produces: {x: x}
        - id: b
          tool: b.read
          needs: [x]
      """;
  private static final Instant DUE = GoalDriver.T0.plus(Duration.ofMinutes(10));

  private final GoalDriver goal = new GoalDriver(TestAgents.of(WORKER));

  @Test
  void shouldSetTheTimerWhenTheAgentTakesTheGoalAndLeaveItAloneAfterwards() {
    goal.submit("worker", "Work", Map.of());
    assertThat(goal.last.timers()).containsExactly(new TimerChange.Schedule(WallTimeTimer.ID, DUE));

    goal.succeed(goal.action("worker", "a"), "{\"x\": 1}");
    assertThat(goal.last.timers()).as("the same deadline is not set again").isEmpty();
  }

  @Test
  void shouldHandTheGoalToAPersonWhenTheTimerIsDueAndMoveItForAFreshBudget() {
    goal.submit("worker", "Work", Map.of());
    goal.clock.advance(Duration.ofMinutes(10));

    due();
    HandoffProposed handoff = goal.only(HandoffProposed.class);
    assertThat(handoff.target()).isEqualTo("human:operators");
    assertThat(handoff.reason())
        .isEqualTo("agent 'worker' held the goal for longer than its wall-time budget of PT10M");
    assertThat(handoff.causationId()).isEqualTo(WallTimeTimer.causeOf(goal.goalId, DUE));
    assertThat(goal.last.timers()).as("fired; nothing to set").isEmpty();

    goal.clock.advance(Duration.ofMinutes(2));
    goal.reassign("agent:worker", "ann");
    assertThat(goal.last.timers())
        .as("a person's move gives the agent a fresh budget")
        .containsExactly(
            new TimerChange.Schedule(WallTimeTimer.ID, DUE.plus(Duration.ofMinutes(12))));
  }

  @Test
  void shouldCancelTheTimerWhenTheGoalEnds() {
    goal.submit("worker", "Work", Map.of());
    goal.fail(goal.action("worker", "a"), "no such record");

    goal.only(GoalFailed.class);
    assertThat(goal.last.timers()).containsExactly(new TimerChange.Cancel(WallTimeTimer.ID));
  }

  @Test
  void shouldDoNothingWhenTheTimerIsDueWhileAPersonHasTheGoal() {
    goal.submit("worker", "Work", Map.of());
    goal.clock.advance(Duration.ofMinutes(10));
    due();
    goal.clock.advance(Duration.ofMinutes(10));

    Decision<PlannerState> again = due();

    assertThat(again.emit()).isEmpty();
    assertThat(again.timers()).isEmpty();
  }

  @Test
  void shouldIgnoreATimerItNeverSet() {
    goal.submit("worker", "Work", Map.of());
    PlannerState before = goal.state;

    Decision<PlannerState> decision =
        goal.planner.onTimer(before, goal.goalId, "reminder", goal.clock.instant());

    assertThat(decision.state()).isEqualTo(before);
    assertThat(decision.emit()).isEmpty();
    assertThat(decision.timers()).isEmpty();
  }

  private Decision<PlannerState> due() {
    goal.last =
        goal.planner.onTimer(goal.state, goal.goalId, WallTimeTimer.ID, goal.clock.instant());
    goal.state = goal.last.state();
    return goal.last;
  }
}
