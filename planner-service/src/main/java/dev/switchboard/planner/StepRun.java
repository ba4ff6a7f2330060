package dev.switchboard.planner;

import tools.jackson.databind.JsonNode;

/**
 * One attempt at one step of one agent's SOP: a tool call (its runId is the actionId), a handoff or
 * a question. Kept in the goal's state; the planner reads where each step stands from its runs.
 *
 * @param runId {@code <goalId>/<agent>/<step>}, with {@code #<attempt>} from the second attempt
 * @param tool the tool called; null for handoffs and questions
 * @param arguments the arguments as proposed; null for handoffs and questions
 * @param detail the error, denial reason or answer that ended the run, for summaries
 */
public record StepRun(
    String runId,
    String agent,
    String step,
    int attempt,
    Kind kind,
    String tool,
    JsonNode arguments,
    boolean sideEffect,
    Phase phase,
    String detail) {

  /** What the run does. */
  public enum Kind {
    TOOL,
    HANDOFF,
    QUESTION
  }

  /** Where the run stands. */
  public enum Phase {
    PROPOSED,
    ALLOWED,
    ESCALATED,
    SUCCEEDED,
    FAILED,
    DENIED,
    /** The executor cannot tell whether the tool call happened; a person is asked. */
    OUTCOME_UNKNOWN,
    /** A person said to try the call again. */
    RETRY,
    /** A handoff or question waits for its answer. */
    AWAITING,
    /** A handoff came back or a question was answered. */
    DONE,
    /** The goal was cancelled before the run started. */
    DROPPED;

    /** Whether a result or an answer is still to come. */
    public boolean open() {
      return this == PROPOSED
          || this == ALLOWED
          || this == ESCALATED
          || this == OUTCOME_UNKNOWN
          || this == AWAITING;
    }
  }

  public StepRun {
    // JSON null reads back as a NullNode: keep "no arguments" one value, so a stored run equals
    // itself.
    arguments = arguments == null || arguments.isNull() ? null : arguments;
  }

  public static String runId(String goalId, String agent, String step, int attempt) {
    return goalId + "/" + agent + "/" + step + (attempt > 1 ? "#" + attempt : "");
  }

  StepRun in(Phase newPhase, String newDetail) {
    return new StepRun(
        runId, agent, step, attempt, kind, tool, arguments, sideEffect, newPhase, newDetail);
  }
}
