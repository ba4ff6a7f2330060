package dev.switchboard.planner;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** What a planner wants done next for a goal; the {@link GoalPlanner} turns it into events. */
public sealed interface NextSteps {

  /**
   * One tool call to propose.
   *
   * @param step the SOP step (or, for the LLM planner, the model's call id) it belongs to
   * @param attempt 1 for the first try of the step
   * @param dependsOn runIds whose results it uses
   */
  record Call(
      String step,
      int attempt,
      String tool,
      JsonNode arguments,
      boolean sideEffect,
      List<String> dependsOn,
      String rationale) {
    public Call {
      dependsOn = List.copyOf(dependsOn);
    }
  }

  /** Propose these calls now, together: none needs another's result. */
  record Propose(List<Call> calls) implements NextSteps {
    public Propose {
      calls = List.copyOf(calls);
    }
  }

  /**
   * Hand the goal to {@code target}.
   *
   * @param step the SOP step that hands off; null when no step does (the planner is stuck)
   * @param attempt the attempt of that step
   */
  record HandOff(String target, String reason, String step, int attempt, Awaiting.Purpose purpose)
      implements NextSteps {}

  /** Ask a person; the answer completes {@code step}. */
  record Ask(String queue, String question, String step, int attempt) implements NextSteps {}

  /** Proposed actions are still running, or people still decide; wait. */
  record AwaitResults() implements NextSteps {}

  /** Everything the agent set out to do is done. */
  record GoalMet(String summary) implements NextSteps {}

  /** The agent cannot go on, e.g. facts its next step needs are missing: a person takes a look. */
  record Stuck(String reason) implements NextSteps {}

  /** The goal cannot be reached, e.g. a step failed and its SOP says to give up. */
  record Fail(String summary, String reason) implements NextSteps {}

  /**
   * Ask the model (LLM planner): the request, as JSON, goes out as a durable effect; its reply
   * comes back to the planner as the next turn.
   */
  record Consult(JsonNode chatRequest) implements NextSteps {}
}
