package dev.switchboard.planner.spec;

import tools.jackson.databind.JsonNode;

/**
 * What the planner does when a step failed or was denied ({@code on-failure}, {@code on-denied}).
 * Each further failure of the step takes the next fallback of the list; past its end, the goal
 * fails.
 */
public sealed interface Fallback {

  /** End the goal as failed, with the reason. */
  record Fail() implements Fallback {}

  /** Go on without the step: the facts it would produce stay missing. */
  record Skip() implements Fallback {}

  /**
   * Hand the goal over, with the failure in the context; the holder's answer completes the step.
   */
  record HandOffTo(String target) implements Fallback {}

  /** Try another tool (or other arguments) for the same step. */
  record Alternate(String tool, JsonNode arguments, boolean sideEffect) implements Fallback {}
}
