package dev.switchboard.planner;

import dev.switchboard.contracts.event.ActionResultEvent;
import java.util.Locale;
import java.util.Optional;

/**
 * Which action results the planner believes, beside the executor's signature: only one for a tool
 * call it planned and the guardrail allowed, still without a result. A result for an action waiting
 * for approval, never allowed, never planned or already answered is refused (and dead-lettered), so
 * an {@code ActionSucceeded} written straight to Kafka cannot complete a step that never ran.
 */
final class ResultCheck {
  private ResultCheck() {}

  /** Empty when the planner takes the result; else why not. */
  static Optional<String> refusal(PlannerState goal, ActionResultEvent result) {
    if (goal == null) {
      return Optional.of(
          "the planner never saw goal " + result.goalId() + ", so it requested no action");
    }
    StepRun run = goal.runs().get(result.actionId());
    if (run == null || run.kind() != StepRun.Kind.TOOL) {
      return Optional.of("goal " + goal.goalId() + " planned no tool call " + result.actionId());
    }
    return switch (run.phase()) {
      case ALLOWED -> Optional.empty();
      case PROPOSED ->
          Optional.of("the guardrail has not allowed action " + result.actionId() + " (yet)");
      case ESCALATED ->
          Optional.of("action " + result.actionId() + " is still waiting for approval");
      default ->
          Optional.of(
              "action "
                  + result.actionId()
                  + " is not in flight (it is "
                  + run.phase().name().toLowerCase(Locale.ROOT)
                  + ")");
    };
  }
}
