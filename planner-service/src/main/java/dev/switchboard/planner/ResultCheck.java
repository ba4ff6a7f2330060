package dev.switchboard.planner;

import dev.switchboard.contracts.event.ActionResultEvent;
import java.util.Locale;

/**
 * Which action results the planner believes, beside the executor's signature: only one for a tool
 * call it planned and the guardrail allowed, still without a result. A result for an action never
 * allowed, never planned or already answered is refused (and dead-lettered), so an {@code
 * ActionSucceeded} written straight to Kafka cannot complete a step that never ran.
 *
 * <p>A result can come before the verdict it follows: the executor acts on the guardrail's verdict
 * as soon as it is committed, and the planner reads the verdicts' topic apart from the results', so
 * under load it may read the result first (Kafka orders records within a partition, not across
 * topics). Such a result is held in the goal's state, not refused, and taken once the verdict says
 * the action was allowed; a verdict that does not allow it drops it.
 */
final class ResultCheck {
  private ResultCheck() {}

  /** What the planner does with a result. */
  sealed interface Fit {}

  /** The action is allowed and has no result yet: the result counts. */
  record Takes() implements Fit {}

  /** The planner has not read the action's (allowing) verdict yet: the result waits for it. */
  record BeforeItsVerdict() implements Fit {}

  /** The result does not fit the goal: it is dead-lettered with this reason. */
  record Refused(String reason) implements Fit {}

  static Fit of(PlannerState goal, ActionResultEvent result) {
    if (goal == null) {
      return new Refused(
          "the planner never saw goal " + result.goalId() + ", so it requested no action");
    }
    StepRun run = goal.runs().get(result.actionId());
    if (run == null || run.kind() != StepRun.Kind.TOOL) {
      return new Refused("goal " + goal.goalId() + " planned no tool call " + result.actionId());
    }
    return switch (run.phase()) {
      case ALLOWED -> new Takes();
      case PROPOSED, ESCALATED ->
          goal.earlyResults().containsKey(result.actionId())
              ? new Refused(
                  "action " + result.actionId() + " already has a result waiting for its verdict")
              : new BeforeItsVerdict();
      default ->
          new Refused(
              "action "
                  + result.actionId()
                  + " is not in flight (it is "
                  + run.phase().name().toLowerCase(Locale.ROOT)
                  + ")");
    };
  }
}
