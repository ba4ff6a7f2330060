package dev.switchboard.planner.spec;

import tools.jackson.databind.JsonNode;

/** What a step of the SOP does: call a tool, hand the goal to someone, or ask a person. */
public sealed interface StepAction {

  /**
   * @param arguments a JSON object whose strings are templates (see {@link ArgumentTemplate})
   * @param sideEffect true when the tool changes the outside world (mail, records)
   */
  record CallTool(String tool, JsonNode arguments, boolean sideEffect) implements StepAction {}

  /**
   * Hand the goal to another agent ({@code agent:<name>}), which hands it back when its SOP is
   * done, or to people ({@code human:<queue>}).
   *
   * @param reason a template, shown to the next holder
   */
  record HandOff(String target, String reason) implements StepAction {}

  /**
   * Ask a person; the answer becomes the step's facts.
   *
   * @param question a template
   */
  record Ask(String queue, String question) implements StepAction {}
}
