package dev.switchboard.planner;

/**
 * The one handoff or question of a goal that waits for its answer; while it waits the planner
 * proposes nothing new. Approvals are not here: they wait per action.
 *
 * @param runId the step run the answer completes; null when no step asked (stuck, budget, loop)
 * @param target {@code agent:<name>} or {@code human:<queue>}
 * @param fromAgent the agent that handed the goal over or asked
 */
public record Awaiting(Purpose purpose, String runId, String target, String fromAgent) {

  /** Why the goal waits. */
  public enum Purpose {
    /** A step hands the goal to another agent, which hands it back when done. */
    DELEGATE,
    /** An agent done with a delegated goal hands it back. */
    RETURN,
    /** A step hands the goal to people, or asks them. */
    STEP,
    /** A failed or denied step's fallback hands it to people. */
    FALLBACK,
    /** The agent cannot go on: facts it needs are missing. */
    STUCK,
    /** The agent used up a budget. */
    BUDGET,
    /** The agent proposed the same action once too often. */
    LOOP,
    /** A person must say whether an action of unknown outcome happened. */
    OUTCOME,
    /** The agent's spec or planner is not available here. */
    UNAVAILABLE
  }

  /** Whether the answer is about the goal as a whole rather than one step. */
  boolean aboutTheGoal() {
    return purpose == Purpose.STUCK
        || purpose == Purpose.BUDGET
        || purpose == Purpose.LOOP
        || purpose == Purpose.UNAVAILABLE;
  }
}
