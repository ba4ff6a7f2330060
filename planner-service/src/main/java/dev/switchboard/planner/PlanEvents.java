package dev.switchboard.planner;

import dev.switchboard.contracts.event.HandoffContext;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.SwitchboardEvent;
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

  StepsProposed steps(PlannerState goal, SwitchboardEvent cause, List<PlannedAction> actions) {
    return new StepsProposed(
        goal.goalId(), UUID.randomUUID(), causeOf(cause), clock.instant(), goal.agent(), actions);
  }

  HandoffProposed handoff(PlannerState goal, SwitchboardEvent cause, String target, String reason) {
    return new HandoffProposed(
        goal.goalId(),
        UUID.randomUUID(),
        causeOf(cause),
        clock.instant(),
        goal.agent(),
        target,
        reason,
        summary(goal),
        context(goal, reason));
  }

  QuestionProposed question(
      PlannerState goal, SwitchboardEvent cause, String queue, String question) {
    return new QuestionProposed(
        goal.goalId(),
        UUID.randomUUID(),
        causeOf(cause),
        clock.instant(),
        goal.agent(),
        queue,
        question);
  }

  GoalCompleted completed(PlannerState goal, SwitchboardEvent cause, String summary) {
    return new GoalCompleted(
        goal.goalId(),
        UUID.randomUUID(),
        causeOf(cause),
        clock.instant(),
        summary,
        goal.resultsAsJson());
  }

  GoalFailed failed(PlannerState goal, SwitchboardEvent cause, String summary, String reason) {
    return new GoalFailed(
        goal.goalId(), UUID.randomUUID(), causeOf(cause), clock.instant(), summary, reason);
  }

  OutcomeEvent.GoalCancelled cancelled(
      PlannerState goal, SwitchboardEvent cause, String summary, String reason) {
    return new OutcomeEvent.GoalCancelled(
        goal.goalId(), UUID.randomUUID(), causeOf(cause), clock.instant(), summary, reason);
  }

  /** A durable timer has no event behind it: its events have no cause. */
  private static UUID causeOf(SwitchboardEvent cause) {
    return cause == null ? null : cause.eventId();
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
