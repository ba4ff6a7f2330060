package dev.switchboard.planner;

import dev.switchboard.contracts.event.HandoffContext;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** The events the planner writes, each caused by the event it was deciding on. */
final class PlanEvents {
  private final Clock clock;

  PlanEvents(Clock clock) {
    this.clock = clock;
  }

  StepsProposed steps(PlannerState goal, UUID cause, List<PlannedAction> actions) {
    return new StepsProposed(
        goal.goalId(),
        idOf(goal, cause, "StepsProposed"),
        cause,
        clock.instant(),
        goal.agent(),
        actions);
  }

  HandoffProposed handoff(PlannerState goal, UUID cause, String target, String reason) {
    return new HandoffProposed(
        goal.goalId(),
        idOf(goal, cause, "HandoffProposed"),
        cause,
        clock.instant(),
        goal.agent(),
        target,
        reason,
        summary(goal),
        context(goal, reason));
  }

  QuestionProposed question(PlannerState goal, UUID cause, String queue, String question) {
    return new QuestionProposed(
        goal.goalId(),
        idOf(goal, cause, "QuestionProposed"),
        cause,
        clock.instant(),
        goal.agent(),
        queue,
        question);
  }

  GoalCompleted completed(PlannerState goal, UUID cause, String summary) {
    return new GoalCompleted(
        goal.goalId(),
        idOf(goal, cause, "GoalCompleted"),
        cause,
        clock.instant(),
        summary,
        goal.resultsAsJson());
  }

  GoalFailed failed(PlannerState goal, UUID cause, String summary, String reason) {
    return new GoalFailed(
        goal.goalId(), idOf(goal, cause, "GoalFailed"), cause, clock.instant(), summary, reason);
  }

  OutcomeEvent.GoalCancelled cancelled(
      PlannerState goal, UUID cause, String summary, String reason) {
    return new OutcomeEvent.GoalCancelled(
        goal.goalId(), idOf(goal, cause, "GoalCancelled"), cause, clock.instant(), summary, reason);
  }

  /**
   * Derived from the cause (an event, an effect result, a due timer), so the same cause decided
   * twice, e.g. a model reply delivered again, writes an event readers already deduplicate. One
   * decision writes at most one event of each type.
   */
  static UUID idOf(PlannerState goal, UUID cause, String type) {
    return cause == null
        ? UUID.randomUUID()
        : UUID.nameUUIDFromBytes(
            ("planner|" + goal.goalId() + "|" + cause + "|" + type)
                .getBytes(StandardCharsets.UTF_8));
  }

  /** The whole goal as the next holder needs it. */
  static HandoffContext context(PlannerState goal, String notes) {
    return new HandoffContext(
        goal.description(), goal.allFacts(), goal.history(), goal.results(), notes);
  }

  /** One line: how far the goal got. */
  static String summary(PlannerState goal) {
    long succeeded =
        goal.runs().values().stream()
            .filter(r -> r.phase() == StepRun.Phase.SUCCEEDED || r.phase() == StepRun.Phase.DONE)
            .count();
    return succeeded
        + " of "
        + goal.runs().size()
        + " step runs done"
        + (goal.facts().isEmpty()
            ? ""
            : "; facts: " + String.join(", ", new TreeSet<>(goal.facts().keySet())));
  }
}
